package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Time is passed in, in nanoseconds. */
class RoundPacingTest {
    private static final long MS = 1_000_000L;

    @Test
    void aValidatorProposingFewTransactionsPerRoundUsesTheIdleInterval() {
        RoundPacing pacing = new RoundPacing(20, 2, 0);
        assertThat(pacing.intervalNanos()).as("nothing measured yet").isEqualTo(20 * MS);

        // 250 tx/s: 5 per 20 ms interval, under the idle mark of 10
        for (long t = 4 * MS; t <= 1_000 * MS; t += 4 * MS) {
            pacing.proposed(1, t);
        }

        assertThat(pacing.intervalNanos()).isEqualTo(2 * MS);
    }

    @Test
    void aBusyValidatorKeepsBatchingAndAnIdleOneGoesBackToItWhenTheLoadRises() {
        RoundPacing pacing = new RoundPacing(20, 2, 0);
        pacing.proposed(10, 500 * MS);
        pacing.proposed(10, 1_000 * MS); // 20 tx/s
        assertThat(pacing.intervalNanos()).isEqualTo(2 * MS);

        pacing.proposed(1_000, 1_500 * MS);
        pacing.proposed(1_000, 2_000 * MS); // 2,000 tx/s: 40 per minimum interval

        assertThat(pacing.intervalNanos()).isEqualTo(20 * MS);
    }

    @Test
    void withoutAnIdleIntervalTheMinimumAppliesAtAnyLoad() {
        RoundPacing pacing = new RoundPacing(20, -1, 0);
        pacing.proposed(0, 2_000 * MS);

        assertThat(pacing.intervalNanos()).isEqualTo(20 * MS);
    }
}
