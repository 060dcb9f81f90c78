package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;

class ThresholdLimitsTest {
    private static final LatencyStats LATENCY = new LatencyStats(350, 100, 300, 600, 950.25);

    @Thresholds(maxAvgLatency = "400ms", maxP50Latency = "1s", maxP99Latency = "800ms")
    void latencies() {
    }

    @Thresholds(minThroughput = 500, minThroughputRatio = 0.95)
    void throughput() {
    }

    @Thresholds(requireSafety = false)
    void safetyNotRequired() {
    }

    @Thresholds(maxP99Latency = "8OOms")
    void misspelled() {
    }

    void unannotated() {
    }

    @Thresholds(minThroughput = 1)
    static class Annotated {
        @Thresholds(minThroughput = 2)
        void own() {
        }

        void inherited() {
        }
    }

    @Test
    void namesTheViolatedLatencyWithTheMeasuredValueAndTheLimit() throws Exception {
        List<String> violations = limits(method("latencies")).violations(Results.of(1000, 990, LATENCY));

        assertThat(violations).containsExactly(
                "threshold violated: p99 transaction latency 950.25 ms exceeds the limit of 800 ms");
    }

    @Test
    void namesTheViolatedThroughputAndRatio() throws Exception {
        List<String> violations = limits(method("throughput")).violations(Results.of(1000, 450, LATENCY));

        assertThat(violations).containsExactly(
                "threshold violated: throughput 450 tx/s is below the minimum of 500 tx/s",
                "threshold violated: throughput ratio 0.45 (450 tx/s of 1000 tx/s offered) is below the minimum of 0.95");
    }

    @Test
    void passesAResultWithinEveryLimit() throws Exception {
        assertThat(limits(method("throughput")).violations(Results.of(1000, 960, LATENCY))).isEmpty();
    }

    @Test
    void requiresSafetyEvenWithoutAnAnnotation() throws Exception {
        var unsafe = Results.of(1000, 990, LATENCY, Safety.VIOLATED, "validators 0 and 2 diverge at index 17", true);

        assertThat(limits(method("unannotated")).violations(unsafe))
                .containsExactly("safety violated: validators 0 and 2 diverge at index 17");
        assertThat(limits(method("safetyNotRequired")).violations(unsafe)).isEmpty();
    }

    @Test
    void takesTheMethodsAnnotationBeforeTheClasss() throws Exception {
        Method own = Annotated.class.getDeclaredMethod("own");
        Method inherited = Annotated.class.getDeclaredMethod("inherited");

        assertThat(ThresholdLimits.nearest(List.of(own, Annotated.class)).minThroughput()).isEqualTo(2);
        assertThat(ThresholdLimits.nearest(List.of(inherited, Annotated.class)).minThroughput()).isEqualTo(1);
    }

    @Test
    void explainsAMisspelledDuration() throws Exception {
        assertThatThrownBy(() -> limits(method("misspelled"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@Thresholds on").hasMessageContaining("misspelled")
                .hasMessageContaining("'8OOms' is not a duration");
    }

    private static ThresholdLimits limits(Method method) {
        return ThresholdLimits.nearest(List.of(method, ThresholdLimitsTest.class));
    }

    private static Method method(String name) throws NoSuchMethodException {
        return ThresholdLimitsTest.class.getDeclaredMethod(name);
    }
}
