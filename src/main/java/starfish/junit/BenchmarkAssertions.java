package starfish.junit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SummaryFormat;

/** Fluent checks of a {@link BenchmarkResult}: {@code assertThat(result).isSafe().hasThroughputAtLeast(900)}. */
public final class BenchmarkAssertions {
    private final BenchmarkResult result;

    private BenchmarkAssertions(BenchmarkResult result) {
        this.result = result;
    }

    public static BenchmarkAssertions assertThat(BenchmarkResult result) {
        return new BenchmarkAssertions(result);
    }

    public BenchmarkAssertions hasThroughputAtLeast(double txPerSecond) {
        if (result.tps() < txPerSecond) {
            fail("throughput " + SummaryFormat.rate(result.tps()) + " is below " + SummaryFormat.rate(txPerSecond));
        }
        return this;
    }

    public BenchmarkAssertions hasP50LatencyBelow(Duration limit) {
        return latencyBelow("p50", result.transactionLatency().p50(), limit);
    }

    public BenchmarkAssertions hasP99LatencyBelow(Duration limit) {
        return latencyBelow("p99", result.transactionLatency().p99(), limit);
    }

    public BenchmarkAssertions isSafe() {
        if (result.safety() != Safety.OK) {
            fail("safety " + result.safety().jsonName() + ": " + result.summary().safetyDetail());
        }
        return this;
    }

    public BenchmarkAssertions isLive() {
        if (!result.live()) {
            fail("not live: an honest validator stopped committing before the end of the run");
        }
        return this;
    }

    /**
     * At least one validator was crashed and restarted during the run, and every restarted validator committed past
     * where it was when it was killed.
     */
    public BenchmarkAssertions hasRestartedValidatorsThatCommitAgain() {
        List<ValidatorRestart> restarts = result.restarts();
        if (restarts.isEmpty()) {
            fail("no validator was restarted within the run");
        }
        restarts.stream().filter(r -> !r.committedAgain()).findFirst().ifPresent(r -> fail(String.format(Locale.ROOT,
                "validator %d, restarted at %.1f s, committed %.0f leaders after its restart: not past the %.0f it"
                        + " had committed when it was killed at %.1f s", r.authority(), r.restartedAtSeconds(),
                r.committedAfterRestart(), r.committedWhenCrashed(), r.crashedAtSeconds())));
        return this;
    }

    private BenchmarkAssertions latencyBelow(String statistic, Duration measured, Duration limit) {
        if (measured.compareTo(limit) >= 0) {
            fail(statistic + " transaction latency " + SummaryFormat.millis(measured) + " is not below "
                    + SummaryFormat.millis(limit));
        }
        return this;
    }

    private void fail(String message) {
        throw new AssertionFailedError("[" + result.parameters().displayName() + "] " + message);
    }
}
