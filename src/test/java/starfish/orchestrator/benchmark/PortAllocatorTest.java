package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.InstanceStatus;

class PortAllocatorTest {

    @Test
    void localValidatorsGetPortsBelowTheEphemeralRangeThatOutgoingConnectionsUse() {
        List<Instance> local = IntStream.range(0, 4).mapToObj(i -> new Instance("local-" + i, "local", "127.0.0.1",
                "127.0.0.1", InstanceStatus.ACTIVE)).toList();
        int ephemeralStart = PortAllocator.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

        for (int run = 0; run < 20; run++) {
            int base = PortAllocator.basePort(local, 8);
            assertThat(base).isGreaterThanOrEqualTo(10_000);
            assertThat(base + 8).isLessThanOrEqualTo(ephemeralStart);
        }
    }

    @Test
    void theEphemeralRangeIsReadFromTheKernelOrAssumedAtItsLinuxDefault(@TempDir Path dir) throws Exception {
        Path range = Files.writeString(dir.resolve("ip_local_port_range"), "40000\t60999\n");

        assertThat(PortAllocator.ephemeralStart(range)).isEqualTo(40_000);
        assertThat(PortAllocator.ephemeralStart(dir.resolve("missing"))).isEqualTo(32_768);
    }

    @Test
    void remoteHostsUseTheContractsDefault() {
        Instance remote = new Instance("i-1", "eu", "198.18.0.1", "198.19.0.1", InstanceStatus.ACTIVE);

        assertThat(PortAllocator.basePort(List.of(remote), 8)).isEqualTo(PortAllocator.DEFAULT_BASE_PORT);
    }
}
