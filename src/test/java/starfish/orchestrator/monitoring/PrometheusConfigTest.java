package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigTest {
    private static final List<ScrapeTarget> TARGETS = List.of(
            new ScrapeTarget("validator-0", ScrapeTarget.VALIDATOR, "198.18.0.2", 26004),
            new ScrapeTarget("validator-1", ScrapeTarget.VALIDATOR, "198.18.0.3", 26005),
            ScrapeTarget.nodeExporter("host-a", "198.18.0.2", 9100),
            ScrapeTarget.nodeExporter("host-b", "::1", 9100));

    @Test
    void rendersOneJobPerTargetWithItsAddressAndRole() throws Exception {
        JsonNode config = new YAMLMapper().readTree(new PrometheusConfig(Duration.ofSeconds(5), TARGETS).render());

        assertThat(config.at("/global/scrape_interval").asText()).isEqualTo("5s");
        JsonNode jobs = config.path("scrape_configs");
        assertThat(jobs).hasSize(4);
        assertThat(jobs.get(1).path("job_name").asText()).isEqualTo("validator-1");
        assertThat(jobs.get(1).at("/static_configs/0/targets/0").asText()).isEqualTo("198.18.0.3:26005");
        assertThat(jobs.get(1).at("/static_configs/0/labels/role").asText()).isEqualTo("validator");
        assertThat(jobs.get(3).path("job_name").asText()).isEqualTo("node-host-b");
        assertThat(jobs.get(3).at("/static_configs/0/targets/0").asText()).isEqualTo("[::1]:9100");
        assertThat(jobs.get(3).at("/static_configs/0/labels/role").asText()).isEqualTo("node");
    }

    @Test
    void generatedConfigPassesPromtool(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("prometheus.yml"),
                new PrometheusConfig(Duration.ofMillis(1500), TARGETS).render());

        Promtool.Result result = Promtool.run(List.of("check", "config", file.toString()), "");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(file)).contains("scrape_interval: 1500ms");
    }

    @Test
    void promtoolRejectsAConfigThatIsBroken(@TempDir Path dir) throws Exception {
        // Guards the test above: promtool must really judge the file, not just exit 0.
        String broken = new PrometheusConfig(Duration.ofSeconds(5), TARGETS).render()
                .replace("scrape_interval: 5s", "scrape_interval: five seconds");
        Path file = Files.writeString(dir.resolve("prometheus.yml"), broken);

        assertThat(Promtool.run(List.of("check", "config", file.toString()), "").exitCode()).isNotZero();
    }

    @Test
    void refusesTwoTargetsWithOneJobName() {
        ScrapeTarget twin = new ScrapeTarget("validator-0", ScrapeTarget.VALIDATOR, "198.18.0.9", 26010);

        assertThatThrownBy(() -> new PrometheusConfig(Duration.ofSeconds(5), List.of(TARGETS.get(0), twin)))
                .hasMessageContaining("validator-0");
    }

    @Test
    void refusesANonPositiveScrapeInterval() {
        assertThatThrownBy(() -> new PrometheusConfig(Duration.ZERO, TARGETS).render())
                .hasMessageContaining("scrape interval");
    }
}
