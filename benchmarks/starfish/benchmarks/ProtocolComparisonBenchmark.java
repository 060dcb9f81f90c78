package starfish.benchmarks;

import static starfish.protocol.Consensus.CORDIAL_MINERS;
import static starfish.protocol.Consensus.MYSTICETI;
import static starfish.protocol.Consensus.STARFISH;
import static starfish.protocol.Consensus.STARFISH_PULL;

import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;

/**
 * The four protocols side by side at a low load, where latency rather than capacity decides (quiet-machine p50
 * 62-92 ms, p99 99-272 ms at 1,000 tx/s); the report's "All runs side by side" page compares them.
 */
@GeoBenchmark
class ProtocolComparisonBenchmark {

    @BenchmarkTest(consensus = {MYSTICETI, STARFISH, STARFISH_PULL, CORDIAL_MINERS}, committee = 4, loads = 200,
            duration = "20s")
    @Thresholds(maxP50Latency = "400ms", maxP99Latency = "1500ms", minThroughputRatio = 0.9, maxRegression = "25%")
    void lowLoad(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
