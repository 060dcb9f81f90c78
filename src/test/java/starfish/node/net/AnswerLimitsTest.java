package starfish.node.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import starfish.node.metrics.NodeMetrics;

class AnswerLimitsTest {

    private static final long SECOND = 1_000_000_000L;

    private final NodeMetrics metrics = new NodeMetrics(new PrometheusRegistry(), 4);
    private final AnswerLimits limits = new AnswerLimits(4, metrics, 0);

    @Test
    void aPeerAskingForCatchUpAgainAndAgainGetsItsCapThenOneAnswerASecondWithoutDelayingOthers() {
        long answered = IntStream.range(0, 100).filter(i -> limits.mayAnswerCatchUp(1, 0)).count();

        assertThat(answered).isEqualTo(AnswerLimits.CATCH_UP_ANSWERS_AT_ONCE);
        assertThat(bound("catch-up-answers")).isEqualTo(100 - AnswerLimits.CATCH_UP_ANSWERS_AT_ONCE);
        assertThat(limits.mayAnswerCatchUp(2, 0)).as("another peer").isTrue();
        assertThat(limits.mayAnswerCatchUp(1, SECOND / 2)).as("half a second later").isFalse();
        assertThat(limits.mayAnswerCatchUp(1, SECOND + 1)).as("a second later").isTrue();
    }

    @Test
    void blockReferencesBeyondAPeersCapAreLeftOutAndCounted() {
        int wanted = AnswerLimits.BLOCK_REFERENCES_AT_ONCE + 1_000;

        assertThat(limits.blockReferencesToAnswer(3, wanted, 0)).isEqualTo(AnswerLimits.BLOCK_REFERENCES_AT_ONCE);
        assertThat(limits.blockReferencesToAnswer(3, 10, 0)).isZero();
        assertThat(bound("block-answers")).isEqualTo(1_010);
        assertThat(limits.blockReferencesToAnswer(0, 10, 0)).as("another peer").isEqualTo(10);
        assertThat(limits.blockReferencesToAnswer(3, 100_000, SECOND / 10)).as("a tenth of a second later")
                .isEqualTo((int) (AnswerLimits.BLOCK_REFERENCES_PER_SECOND / 10));
    }

    private double bound(String label) {
        return metrics.boundHits.labelValues(label).get();
    }
}
