package starfish.orchestrator.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

class InstanceTableTest {
    private static final List<Instance> INSTANCES = List.of(
            new Instance("i-0123456789abcdef0", "us-east-1", "203.0.113.10", "10.0.0.10", InstanceStatus.ACTIVE),
            new Instance("i-1", "us-east-1", "203.0.113.11", "10.0.0.11", InstanceStatus.STOPPED),
            new Instance("i-2", "eu-west-1", "203.0.113.12", "10.0.1.12", InstanceStatus.PENDING));

    @Test
    void rendersOneAlignedTablePerRegionWithTheSshCommandOfEachInstance() {
        String table = InstanceTable.render(INSTANCES, i -> Optional.of("ssh -i /keys/bench ubuntu@" + i.publicIp()),
                Ansi.OFF);

        assertThat(table.lines().toList()).containsExactly(
                "us-east-1 (2 instances)",
                "  INSTANCE             PUBLIC IP     INTERNAL IP  STATE    SSH",
                "  i-0123456789abcdef0  203.0.113.10  10.0.0.10    active   ssh -i /keys/bench ubuntu@203.0.113.10",
                "  i-1                  203.0.113.11  10.0.0.11    stopped  ssh -i /keys/bench ubuntu@203.0.113.11",
                "",
                "eu-west-1 (1 instance)",
                "  INSTANCE  PUBLIC IP     INTERNAL IP  STATE    SSH",
                "  i-2       203.0.113.12  10.0.1.12    pending  ssh -i /keys/bench ubuntu@203.0.113.12",
                "");
    }

    @Test
    void aRoleColumnSaysWhatEachInstanceDoesAndStaysEmptyForInstancesWithoutOne() {
        String table = InstanceTable.render(INSTANCES.subList(0, 2), i -> Optional.empty(),
                Map.of("i-0123456789abcdef0", "monitoring"), Ansi.OFF);

        assertThat(table.lines().toList()).containsExactly(
                "us-east-1 (2 instances)",
                "  INSTANCE             PUBLIC IP     INTERNAL IP  STATE    ROLE",
                "  i-0123456789abcdef0  203.0.113.10  10.0.0.10    active   monitoring",
                "  i-1                  203.0.113.11  10.0.0.11    stopped",
                "");
    }

    @Test
    void leavesOutTheSshColumnWhenTheProviderHasNoSshAccess() {
        String table = InstanceTable.render(INSTANCES.subList(2, 3), i -> Optional.empty(), Ansi.OFF);

        assertThat(table.lines().toList()).containsExactly(
                "eu-west-1 (1 instance)",
                "  INSTANCE  PUBLIC IP     INTERNAL IP  STATE",
                "  i-2       203.0.113.12  10.0.1.12    pending",
                "");
    }

    @Test
    void coloursStatesOnATerminalWithoutBreakingTheAlignment() {
        String coloured = InstanceTable.render(INSTANCES.subList(0, 2), i -> Optional.empty(), Ansi.ON);

        assertThat(coloured).contains("\u001B[32mactive").contains("\u001B[31mstopped");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", ""))
                .isEqualTo(InstanceTable.render(INSTANCES.subList(0, 2), i -> Optional.empty(), Ansi.OFF));
    }

    @Test
    void saysSoWhenThereIsNothingToShow() {
        assertThat(InstanceTable.render(List.of(), i -> Optional.empty())).isEqualTo("no instances\n");
    }
}
