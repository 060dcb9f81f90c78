package starfish.orchestrator.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;

class CommitteeHostsTest {

    @Test
    void onNetnsTheHintCountsTheHostsEachRegionMustHave() {
        Settings netns = new SettingsLoader(Map.<String, String>of()::get).parse("""
                cloud_provider: netns
                regions: [lab]
                """, "s.yml");

        // a netns deploy tops every region up to the count it is given, rather than adding that many
        assertThatThrownBy(() -> CommitteeHosts.validators(HostTraits.NAMESPACES, netns, List.of(remote("a", "lab")), 4))
                .hasMessageContaining("needs 5; run `testbed deploy --instances 5`");
    }

    @Test
    void validatorsRunAfterTheMonitoringHostAndTheDedicatedClientHosts() {
        List<Instance> active = List.of(remote("a", "eu-west-1"), remote("b", "us-east-1"), remote("c", "us-east-1"),
                remote("d", "eu-west-1"), remote("e", "us-east-1"), remote("f", "eu-west-1"));

        // b is the monitoring host (first of the first region), a the client host, f is left over
        assertThat(CommitteeHosts.validators(HostTraits.CLOUD, aws(1), active, 3)).extracting(Instance::id)
                .containsExactly("c", "d", "e");
        assertThat(CommitteeHosts.validators(HostTraits.CLOUD, aws(0), active, 5)).extracting(Instance::id)
                .containsExactly("a", "c", "d", "e", "f");
        assertThat(CommitteeHosts.needed(HostTraits.CLOUD, aws(1), 3)).isEqualTo(5);
    }

    @Test
    void aMonitoringServerFreesTheCloudMonitoringHostButNotANamespaceOne() {
        List<Instance> active = List.of(remote("a", "eu-west-1"), remote("b", "us-east-1"), remote("c", "us-east-1"));
        Settings withServer = aws(0).withMonitoring(aws(0).monitoring().withServer("root@monitor.example.com"));

        assertThat(CommitteeHosts.needed(HostTraits.CLOUD, withServer, 3)).isEqualTo(3);
        assertThat(CommitteeHosts.validators(HostTraits.CLOUD, withServer, active, 3)).extracting(Instance::id)
                .containsExactly("a", "b", "c");
        assertThat(CommitteeHosts.needed(HostTraits.NAMESPACES, withServer, 3)).isEqualTo(4);
    }

    @Test
    void theLocalTestbedRunsAValidatorOnEveryVirtualHost() {
        List<Instance> active = List.of(host(0), host(1), host(2));

        assertThat(CommitteeHosts.validators(HostTraits.LOOPBACK, Settings.defaults(), active, 2))
                .containsExactly(host(0), host(1));
        assertThat(CommitteeHosts.needed(HostTraits.LOOPBACK, Settings.defaults(), 3)).isEqualTo(3);
    }

    @Test
    void eachActiveInstanceHasTheRoleARunGivesItAndThoseBeyondTheCommitteeAreSpares() {
        List<Instance> active = List.of(remote("a", "eu-west-1"), remote("b", "us-east-1"), remote("c", "us-east-1"),
                remote("d", "eu-west-1"), remote("e", "us-east-1"), remote("f", "eu-west-1"));

        assertThat(CommitteeHosts.roles(HostTraits.CLOUD, aws(1), active, 3)).containsExactly(
                entry("b", "monitoring"), entry("a", "client"), entry("c", "validator 0"), entry("d", "validator 1"),
                entry("e", "validator 2"), entry("f", "spare"));
        assertThat(HostsNeeded.forCommittee(HostTraits.CLOUD, aws(1), 3, 2))
                .isEqualTo(new HostsNeeded(7, "committee 3 + 1 monitoring host + 1 dedicated client host + 2 spares"));
        assertThat(HostsNeeded.forCommittee(HostTraits.LOOPBACK, aws(1), 3, 0))
                .isEqualTo(new HostsNeeded(3, "committee 3"));
        assertThatThrownBy(() -> HostsNeeded.forCommittee(HostTraits.CLOUD, aws(0), 3, -1))
                .hasMessage("spare instances must not be negative, was -1");
    }

    /** AWS settings whose first region is us-east-1. */
    private static Settings aws(int dedicatedClients) {
        return new SettingsLoader(Map.<String, String>of()::get).parse("""
                cloud_provider: aws
                testbed_id: t
                regions: [us-east-1, eu-west-1]
                specs: m5d.large
                ssh_private_key_file: k
                ssh_public_key_file: k.pub
                dedicated_clients: %d
                """.formatted(dedicatedClients), "s.yml");
    }

    private static Instance remote(String id, String region) {
        return new Instance(id, region, "198.18.0.1", "10.0.0.1", InstanceStatus.ACTIVE);
    }

    private static Instance host(int k) {
        return new Instance("local-" + k, "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);
    }
}
