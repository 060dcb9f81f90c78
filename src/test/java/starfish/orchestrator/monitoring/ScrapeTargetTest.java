package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeTargetTest {

    @Test
    void validatorsServeMetricsOnThePortsTheProtocolGives() {
        List<String> hosts = List.of("10.0.0.1", "10.0.0.2", "10.0.0.3");
        List<ScrapeTarget> targets = ScrapeTarget.validators(hosts, authority -> 26_000 + hosts.size() + authority);

        assertThat(targets).extracting(ScrapeTarget::address)
                .containsExactly("10.0.0.1:26003", "10.0.0.2:26004", "10.0.0.3:26005");
        assertThat(targets).extracting(ScrapeTarget::job).containsExactly("validator-0", "validator-1", "validator-2");
        assertThat(targets).extracting(ScrapeTarget::role).containsOnly(ScrapeTarget.VALIDATOR);
    }

    @Test
    void nodeExporterJobIsNamedAfterItsHost() {
        ScrapeTarget target = ScrapeTarget.nodeExporter("vultr-ams-1", "198.18.0.7", 9100);

        assertThat(target.job()).isEqualTo("node-vultr-ams-1");
        assertThat(target.role()).isEqualTo(ScrapeTarget.NODE);
    }

    @Test
    void rejectsAPortOutOfRangeNamingTheJob() {
        assertThatThrownBy(() -> ScrapeTarget.validators(List.of("10.0.0.1"), authority -> 65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validator-0").hasMessageContaining("65536");
    }
}
