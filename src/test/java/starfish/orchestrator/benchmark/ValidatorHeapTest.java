package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import starfish.orchestrator.settings.CloudProvider;

class ValidatorHeapTest {

    private static final long MACHINE_MIB = 24 * 1024;

    @Test
    void aCommitteeThatFitsInHalfTheMachineGetsOneGibibyteEach() {
        assertThat(ValidatorHeap.mebibytes(CloudProvider.LOCAL, 10, MACHINE_MIB)).isEqualTo(1024);
    }

    @Test
    void aLargerCommitteeOnThisMachineSharesHalfItsMemory() {
        assertThat(ValidatorHeap.mebibytes(CloudProvider.NETNS, 20, MACHINE_MIB)).isEqualTo(576);
        assertThat(ValidatorHeap.mebibytes(CloudProvider.LOCAL, 200, MACHINE_MIB)).isEqualTo(ValidatorHeap.MIN_MIB);
    }

    @Test
    void cloudValidatorsHaveTheirOwnMachine() {
        assertThat(ValidatorHeap.mebibytes(CloudProvider.AWS, 200, MACHINE_MIB)).isEqualTo(1024);
        assertThat(ValidatorHeap.mebibytes(CloudProvider.VULTR, 200, MACHINE_MIB)).isEqualTo(1024);
    }
}
