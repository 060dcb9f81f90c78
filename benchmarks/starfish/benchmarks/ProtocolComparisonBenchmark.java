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

/** The four protocols side by side at a low load, where latency rather than capacity decides. */
@GeoBenchmark
class ProtocolComparisonBenchmark {

    @BenchmarkTest(consensus = {MYSTICETI, STARFISH, STARFISH_PULL, CORDIAL_MINERS}, committee = 4, loads = 200,
            duration = "20s")
    @Thresholds(maxP50Latency = "3s", minThroughputRatio = 0.7)
    void lowLoad(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
