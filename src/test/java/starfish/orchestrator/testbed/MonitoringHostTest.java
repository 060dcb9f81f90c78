package starfish.orchestrator.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;

class MonitoringHostTest {
    private static final Settings EU_THEN_US = new SettingsLoader(Map.<String, String>of()::get).parse("""
            cloud_provider: netns
            regions: [eu, us]
            """, "s.yml");

    @Test
    void theMonitoringHostIsTheFirstInstanceOfTheFirstRegionWhateverOrderTheInstancesComeIn() {
        List<Instance> hosts = List.of(host("us-0", "us"), host("us-1", "us"), host("eu-0", "eu"), host("eu-1", "eu"));

        assertThat(CommitteeHosts.monitoringHost(EU_THEN_US, hosts).id()).isEqualTo("eu-0");
    }

    @Test
    void withoutAnInstanceInTheFirstRegionItIsTheFirstInstance() {
        assertThat(CommitteeHosts.monitoringHost(EU_THEN_US, List.of(host("us-1", "us"), host("us-0", "us"))).id())
                .isEqualTo("us-1");
    }

    private static Instance host(String id, String region) {
        return new Instance(id, region, "198.18.0.1", "198.18.0.1", InstanceStatus.ACTIVE);
    }
}
