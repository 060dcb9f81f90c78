package starfish.benchmarks;

import io.qameta.allure.Allure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.Benchmarks;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.sweep.LatencyThroughputGraph;
import starfish.orchestrator.sweep.LoadPoint;
import starfish.protocol.Consensus;

/**
 * A short load sweep of mysticeti on four validators, drawn as its latency-throughput curve (x = measured TPS,
 * y = p50 and p99 latency) and attached to the report. The thresholds only catch a broken run: the curve itself is
 * the result (docs/performance.md has the figures of a quiet machine).
 */
@GeoBenchmark
class LatencyThroughputCurveBenchmark {
    private static final int[] LOADS = {1_000, 10_000, 40_000};

    @Test
    @Thresholds(maxP50Latency = "5s", minThroughputRatio = 0.5)
    void mysticetiSweep(Benchmarks benchmarks) {
        List<LoadPoint> curve = new ArrayList<>();
        for (int load : LOADS) {
            BenchmarkResult result = benchmarks.run(BenchmarkParameters.builder().consensus(Consensus.MYSTICETI)
                    .committee(4).load(load).duration(Duration.ofSeconds(15)).build());
            BenchmarkAssertions.assertThat(result).isSafe().isLive();
            curve.add(LoadPoint.of(result.outcome()));
        }

        Allure.addAttachment("latency-throughput curve", "image/svg+xml",
                LatencyThroughputGraph.svg("Latency vs throughput · mysticeti · n=4", curve), ".svg");
    }
}
