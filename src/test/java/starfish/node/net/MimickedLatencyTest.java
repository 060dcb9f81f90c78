package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MimickedLatencyTest {

    @Test
    void aUniformLatencyGivesEveryLinkTheSameDelayWithoutJitter() {
        MimickedLatency uniform = MimickedLatency.uniform(Duration.ofMillis(100));

        for (int from = 0; from < 10; from++) {
            for (int to = 0; to < 10; to++) {
                assertThat(uniform.delayNanos(from, to)).isEqualTo(100_000_000L);
            }
        }
    }

    @Test
    void theRttTableGivesHalfTheRegionsRoundTripWithinThreePercent() {
        // authorities 0 and 1 sit in us-east-1 and ca-central-1: 14 ms round trip
        long delay = MimickedLatency.of(true).delayNanos(0, 1);

        assertThat(delay).isBetween(6_790_000L, 7_210_000L);
        assertThat(MimickedLatency.of(false).delayNanos(0, 1)).isZero();
    }

    @Test
    void aNegativeOrEndlessDelayIsRefusedWithTheOptionsName() {
        assertThat(MimickedLatency.oneWayDelay("--uniform-latency-ms", 2.5)).isEqualTo(Duration.ofNanos(2_500_000));
        assertThatThrownBy(() -> MimickedLatency.oneWayDelay("--uniform-latency-ms", -1))
                .hasMessageContaining("--uniform-latency-ms");
        assertThatThrownBy(() -> MimickedLatency.oneWayDelay("--uniform-latency-ms", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
