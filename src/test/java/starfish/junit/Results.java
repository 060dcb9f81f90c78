package starfish.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summaries;
import starfish.orchestrator.measurement.Summary;

/** Benchmark results with chosen values, for checks that read them. */
final class Results {

    private Results() {
    }

    static BenchmarkResult of(int load, double tps, LatencyStats latencyMs, Safety safety, String safetyDetail,
            boolean live) {
        BenchmarkParameters parameters = BenchmarkParameters.builder().load(load).duration(Duration.ofSeconds(10))
                .build();
        Summary summary = Summaries.of(tps, latencyMs, LatencyStats.empty(), 0, safety, safetyDetail, live, 10);
        return new BenchmarkResult(new BenchmarkOutcome(parameters, summary, Path.of("m.json"), Path.of("logs")));
    }

    static BenchmarkResult of(int load, double tps, LatencyStats latencyMs) {
        return of(load, tps, latencyMs, Safety.OK, "", true);
    }
}
