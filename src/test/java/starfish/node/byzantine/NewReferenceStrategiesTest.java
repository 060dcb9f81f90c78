package starfish.node.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whom `chain-bomb-quorum` releases to and how fast `ramp-up-withholding` turns into a chain bomb. */
class NewReferenceStrategiesTest {

    @Test
    void chainBombQuorumReleasesToTheNextTwoThirdsPlusOneWrappingAndNeverToItself() {
        assertThat(ChainBombQuorum.targets(0, 4)).containsExactly(1, 2, 3);
        assertThat(ChainBombQuorum.targets(2, 4)).containsExactly(3, 0, 1);
        assertThat(ChainBombQuorum.targets(8, 10)).containsExactly(9, 0, 1, 2, 3, 4, 5);
        assertThat(ChainBombQuorum.targets(1, 7)).containsExactly(2, 3, 4, 5, 6);
        assertThat(ChainBombQuorum.targets(0, 2)).containsExactly(1);
    }

    @Test
    void rampUpWithholdingReleasesNothingAtTheStartHalfAfterNinetySecondsAndAllAfterThreeMinutes() {
        assertThat(RampUpWithholding.releaseProbability(0)).isZero();
        assertThat(RampUpWithholding.releaseProbability(90_000_000_000L)).isEqualTo(0.5);
        assertThat(RampUpWithholding.releaseProbability(180_000_000_000L)).isEqualTo(1.0);
        assertThat(RampUpWithholding.releaseProbability(240_000_000_000L)).isEqualTo(1.0);
    }
}
