package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void grantsAtMostTheCapacityAtOnceThenRefillsAtItsRate() {
        TokenBucket budget = new TokenBucket(100, 1_000, 0);

        assertThat(budget.take(150, 0)).isEqualTo(100);
        assertThat(budget.take(10, 0)).isZero();
        assertThat(budget.take(150, SECOND / 20)).isEqualTo(50);
        assertThat(budget.take(500, 10 * SECOND)).as("never more than the capacity").isEqualTo(100);
    }
}
