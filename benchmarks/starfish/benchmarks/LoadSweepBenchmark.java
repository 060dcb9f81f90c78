package starfish.benchmarks;

import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;
import starfish.protocol.Consensus;

/**
 * Mysticeti under a growing load on four validators: throughput must follow the offered load and latency stay
 * near today's figures (p50 62 ms, p99 99 ms at 1,000 tx/s on a quiet machine); the README explains the margin.
 */
@GeoBenchmark
@Thresholds(maxP50Latency = "300ms", maxP99Latency = "1s", minThroughputRatio = 0.9, maxRegression = "25%")
class LoadSweepBenchmark {

    @BenchmarkTest(consensus = Consensus.MYSTICETI, committee = 4, loads = {300, 1_000}, duration = "20s")
    void mysticeti(BenchmarkResult result) {
        // the class's thresholds decide; the result is in the report
    }
}
