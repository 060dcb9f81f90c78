package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.testbed.HostTraits;

class PortAllocatorTest {

    @Test
    void validatorsSharingThisMachinesPortsGetPortsBelowTheEphemeralRangeThatOutgoingConnectionsUse() {
        int ephemeralStart = PortAllocator.ephemeralStart(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));

        for (int run = 0; run < 20; run++) {
            int base = PortAllocator.basePort(HostTraits.LOOPBACK, 8);
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
    void hostsWithPortsOfTheirOwnPutMetricsFromPort27000AndConsensusJustBelow() {
        // four validators: consensus on 26996-26999, metrics on 27000-27003
        assertThat(PortAllocator.basePort(HostTraits.NAMESPACES, 8)).isEqualTo(26_996);
        assertThat(PortAllocator.basePort(HostTraits.CLOUD, 8)).isEqualTo(26_996);
        assertThat(PortAllocator.basePort(HostTraits.CLOUD, 2000)).isEqualTo(26_000);
        assertThatThrownBy(() -> PortAllocator.basePort(HostTraits.CLOUD, 2002)).hasMessageContaining("at most 1000");
    }
}
