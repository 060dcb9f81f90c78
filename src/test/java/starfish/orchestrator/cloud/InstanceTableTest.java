package starfish.orchestrator.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.InstanceStatus;

class InstanceTableTest {

    @Test
    void rendersOneAlignedTablePerRegionWithTheSshCommandOfEachInstance() {
        List<Instance> instances = List.of(
                new Instance("i-0123456789abcdef0", "us-east-1", "203.0.113.10", "10.0.0.10", InstanceStatus.ACTIVE),
                new Instance("i-1", "us-east-1", "203.0.113.11", "10.0.0.11", InstanceStatus.STOPPED),
                new Instance("i-2", "eu-west-1", "203.0.113.12", "10.0.1.12", InstanceStatus.PENDING));

        String table = InstanceTable.render(instances, "ubuntu", Path.of("/keys/bench"));

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
    void saysSoWhenThereIsNothingToShow() {
        assertThat(InstanceTable.render(List.of(), "root", Path.of("k"))).isEqualTo("no instances\n");
    }
}
