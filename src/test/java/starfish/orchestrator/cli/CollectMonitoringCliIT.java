package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.monitoring.MonitoringComponent;

/**
 * `testbed collect-monitoring` and `testbed destroy --collect-monitoring` on the local testbed, after a real
 * benchmark with monitoring (a real Prometheus scraping real validators) and without one.
 */
class CollectMonitoringCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private LocalTestbedCli cli;

    @BeforeEach
    void settings() throws IOException {
        cli = new LocalTestbedCli(dir);
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void theDataOfABenchmarkWithMonitoringIsCollectedAfterItEnded() throws Exception {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
        assertThat(run("benchmark", "--monitoring", "--committee", "4", "--loads", "200", "--duration", "6s"))
                .as(cli.err.toString()).isZero();

        int exit = run("testbed", "collect-monitoring");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).contains("Taking a snapshot of Prometheus on this-machine", "  downloaded ",
                "(100%)", "Monitoring data of testbed local is in", "prometheus --config.file=");
        Path collected = onlyCollection();
        JsonNode facts = JSON.readTree(collected.resolve("collection.json").toFile());
        assertThat(facts.path("testbed_id").asText()).isEqualTo("local");
        assertThat(facts.path("files").asInt()).isPositive();
        assertThat(facts.has("from")).as("the data spans the benchmark's scrapes").isTrue();
        assertThat(collected.resolve("README.md")).content().contains("## Open it");
    }

    @Test
    void withoutMonitoringDataCollectingIsAClearError() {
        int exit = run("testbed", "collect-monitoring");

        assertThat(exit).isEqualTo(CliErrors.FAILED);
        assertThat(cli.err.toString()).contains("has no Prometheus data", "benchmark --monitoring");
        assertThat(dir.resolve("results/monitoring")).doesNotExist();
    }

    @Test
    void destroyingStillDestroysWhenCollectingFailsAndSaysSo() {
        assertThat(run("testbed", "deploy", "--instances", "2")).isZero();

        int exit = run("testbed", "destroy", "--collect-monitoring");

        assertThat(exit).isEqualTo(CliErrors.FAILED);
        assertThat(cli.err.toString()).contains("error: the monitoring data was not collected:",
                "Destroying the testbed anyway");
        assertThat(cli.out.toString()).contains("testbed destroyed");
        assertThat(dir.resolve("hosts/local-0")).doesNotExist();
    }

    private Path onlyCollection() throws IOException {
        try (Stream<Path> entries = Files.list(dir.resolve("results/monitoring/local"))) {
            List<Path> collections = entries.toList();
            assertThat(collections).singleElement().asString().doesNotEndWith(".partial");
            return collections.get(0);
        }
    }
}
