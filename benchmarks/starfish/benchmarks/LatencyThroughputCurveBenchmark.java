package starfish.benchmarks;

import static starfish.protocol.Consensus.MYSTICETI;

import org.junit.jupiter.api.Test;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.Benchmarks;
import starfish.junit.GeoBenchmark;
import starfish.junit.Run;
import starfish.junit.Thresholds;

/**
 * A short load sweep of mysticeti on four validators. The report's "All runs side by side" page of this class draws
 * its latency-throughput curve (x = measured TPS, y = p50). Quiet-machine p50: 62, 63 and about 80 ms.
 */
@GeoBenchmark
class LatencyThroughputCurveBenchmark {
    private static final int[] LOADS = {1_000, 10_000, 40_000};

    @Test
    @Thresholds(maxP50Latency = "1500ms", minThroughputRatio = 0.8, maxRegression = "25%")
    void mysticetiSweep(Benchmarks benchmarks) {
        for (int load : LOADS) {
            BenchmarkResult result = benchmarks.run(Run.of(MYSTICETI).committee(4).load(load).duration("15s"));
            BenchmarkAssertions.assertThat(result).isSafe().isLive();
        }
    }
}
