package starfish.orchestrator.validator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorHeapTest {

    private static final long MACHINE_MIB = 24 * 1024;

    @Test
    void aCommitteeThatFitsInHalfTheMachineGetsOneGibibyteEach() {
        assertThat(new ValidatorHeap(true, MACHINE_MIB).mebibytes(10)).isEqualTo(1024);
    }

    @Test
    void aLargerCommitteeOnThisMachineSharesHalfItsMemory() {
        assertThat(new ValidatorHeap(true, MACHINE_MIB).mebibytes(20)).isEqualTo(576);
        assertThat(new ValidatorHeap(true, MACHINE_MIB).mebibytes(200)).isEqualTo(ValidatorHeap.MIN_MIB);
    }

    @Test
    void validatorsWithMachinesOfTheirOwnGetOneGibibyteEach() {
        assertThat(new ValidatorHeap(false, MACHINE_MIB).mebibytes(200)).isEqualTo(1024);
    }
}
