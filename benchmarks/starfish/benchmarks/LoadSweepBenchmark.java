package starfish.benchmarks;

import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;
import starfish.protocol.Consensus;

/**
 * Mysticeti under a growing load on four validators: throughput must follow the offered load and latency stay
 * bounded. The limits leave room for a busy two-core machine (see the README for measured values).
 */
@GeoBenchmark
@Thresholds(maxP50Latency = "3s", maxP99Latency = "10s", minThroughputRatio = 0.7)
class LoadSweepBenchmark {

    @BenchmarkTest(consensus = Consensus.MYSTICETI, committee = 4, loads = {300, 1_000}, duration = "20s")
    void mysticeti(BenchmarkResult result) {
        // the class's thresholds decide; the result is in the report
    }
}
