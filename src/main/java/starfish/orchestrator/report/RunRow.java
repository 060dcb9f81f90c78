package starfish.orchestrator.report;

import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.Summary;

/** One finished run as a row of a side-by-side table: what ran, what it measured, and its verdict. */
public record RunRow(BenchmarkParameters parameters, Summary summary, String verdict) {
    public static final String PASSED = "passed";

    /** `mysticeti · n=4 · 300 tx/s: 299.8 tx/s, p50 412 ms, p99 890 ms, safe, live, passed`. */
    public String line() {
        return parameters.displayName() + ": " + Figures.rate(summary.tps()) + ", p50 "
                + Figures.millis(summary.transactionLatencyMs().p50()) + ", p99 "
                + Figures.millis(summary.transactionLatencyMs().p99()) + ", " + Figures.safety(summary) + ", "
                + (summary.live() ? "live" : "NOT live") + ", " + verdict;
    }
}
