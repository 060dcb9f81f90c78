package starfish.orchestrator.sweep;

import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.measurement.Summary;

/** One run of a load sweep or search: the offered load (tx/s in total) and what the committee achieved. */
public record LoadPoint(int offeredLoad, double tps, double p50Ms, double p99Ms) {

    public static LoadPoint of(BenchmarkOutcome outcome) {
        Summary summary = outcome.summary();
        return new LoadPoint(outcome.parameters().load(), summary.tps(), summary.transactionLatencyMs().p50(),
                summary.transactionLatencyMs().p99());
    }

    /** Measured over offered throughput; 0 when nothing was offered. */
    public double throughputRatio() {
        return offeredLoad == 0 ? 0 : tps / offeredLoad;
    }
}
