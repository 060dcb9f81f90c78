package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import starfish.junit.history.Baseline;
import starfish.junit.history.HistoryEntry;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;

class ThresholdLimitsTest {
    private static final LatencyStats LATENCY = new LatencyStats(350, 100, 300, 300, 600, 600, 950.25);
    private static final Optional<Baseline> NO_BASELINE = Optional.empty();
    /** Median 1,000 tx/s and p50 250 ms; the outlier (600 tx/s) does not move it. */
    private static final Optional<Baseline> BASELINE = Baseline.of(List.of(run("a1", 1_000, 250, true),
            run("b2", 600, 900, true), run("c3", 1_010, 240, true), run("d4", 990, 260, true),
            run("e5", 1_050, 250, true), run("f6", 100, 5_000, false)));

    @Thresholds(maxRegression = "15%")
    void noRegression() {
    }

    @Thresholds(minP50Latency = "200ms")
    void geoLatencyMustShow() {
    }

    @Thresholds(maxRegression = "15")
    void regressionWithoutPercent() {
    }

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
        List<String> violations = limits(method("latencies")).violations(Results.of(1000, 990, LATENCY), NO_BASELINE);

        assertThat(violations).containsExactly(
                "threshold violated: p99 transaction latency 950.25 ms exceeds the limit of 800 ms");
    }

    @Test
    void namesTheViolatedThroughputAndRatio() throws Exception {
        List<String> violations = limits(method("throughput")).violations(Results.of(1000, 450, LATENCY), NO_BASELINE);

        assertThat(violations).containsExactly(
                "threshold violated: throughput 450 tx/s is below the minimum of 500 tx/s",
                "threshold violated: throughput ratio 0.45 (450 tx/s of 1000 tx/s offered) is below the minimum of 0.95");
    }

    @Test
    void passesAResultWithinEveryLimit() throws Exception {
        assertThat(limits(method("throughput")).violations(Results.of(1000, 960, LATENCY), NO_BASELINE)).isEmpty();
    }

    @Test
    void requiresSafetyEvenWithoutAnAnnotation() throws Exception {
        var unsafe = Results.of(1000, 990, LATENCY, Safety.VIOLATED, "validators 0 and 2 diverge at index 17", true);

        assertThat(limits(method("unannotated")).violations(unsafe, NO_BASELINE))
                .containsExactly("safety violated: validators 0 and 2 diverge at index 17");
        assertThat(limits(method("safetyNotRequired")).violations(unsafe, NO_BASELINE)).isEmpty();
    }

    @Test
    void failsARunWorseThanItsBaselineWithBothFigures() throws Exception {
        List<String> violations = limits(method("noRegression")).violations(
                Results.of(1000, 800, new LatencyStats(350, 100, 300, 300, 600, 600, 900)), BASELINE);

        assertThat(violations).containsExactly(
                "regression: throughput 800 tx/s is 20% below the baseline of 1000 tx/s (median of the last 5 runs,"
                        + " commits a1..e5; limit 15%)",
                "regression: p50 transaction latency 300 ms is 20% above the baseline of 250 ms (median of the last"
                        + " 5 runs, commits a1..e5; limit 15%)");
    }

    @Test
    void passesARunWithinTheRegressionLimitOrWithoutABaseline() throws Exception {
        var slightlySlower = Results.of(1000, 900, new LatencyStats(280, 100, 280, 280, 600, 600, 900));

        assertThat(limits(method("noRegression")).violations(slightlySlower, BASELINE)).isEmpty();
        assertThat(limits(method("noRegression")).violations(Results.of(1000, 10, LATENCY), NO_BASELINE)).isEmpty();
        assertThat(Baseline.of(List.of(run("a1", 1_000, 250, true), run("b2", 1_000, 250, true),
                run("c3", 1_000, 250, false)))).isEmpty();
    }

    @Test
    void failsAGeoRunWhoseLatencyIsBelowTheMinimum() throws Exception {
        var noDelay = Results.of(300, 300, new LatencyStats(70, 10, 62, 62, 90, 90, 99));

        assertThat(limits(method("geoLatencyMustShow")).violations(noDelay, NO_BASELINE)).containsExactly(
                "threshold violated: p50 transaction latency 62 ms is below the minimum of 200 ms");
        assertThat(limits(method("geoLatencyMustShow")).violations(Results.of(300, 300, LATENCY), NO_BASELINE))
                .isEmpty();
    }

    @Test
    void explainsARegressionLimitThatIsNoPercentage() {
        assertThatThrownBy(() -> limits(method("regressionWithoutPercent")))
                .hasMessageContaining("maxRegression \"15\" is not a percentage");
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

    private static HistoryEntry run(String commit, double tps, double p50Ms, boolean passed) {
        return new HistoryEntry("2026-12-06T23:00:00Z", commit, tps, p50Ms, 2 * p50Ms, passed);
    }

    private static Method method(String name) throws NoSuchMethodException {
        return ThresholdLimitsTest.class.getDeclaredMethod(name);
    }
}
