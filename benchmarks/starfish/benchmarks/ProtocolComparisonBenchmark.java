package starfish.benchmarks;

import static starfish.protocol.Consensus.MYSTICETI;

import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;

/**
 * The protocols side by side at a low load, where latency rather than capacity decides. The consensus values are
 * mysticeti, starfish, starfish-pull and cordial-miners; only mysticeti runs in this build, so the others join the
 * {@code consensus} list below (STARFISH, STARFISH_PULL, CORDIAL_MINERS) as the validator implements them.
 */
@GeoBenchmark
class ProtocolComparisonBenchmark {

    @BenchmarkTest(consensus = {MYSTICETI}, committee = 4, loads = 200, duration = "30s")
    @Thresholds(maxP50Latency = "3s", minThroughputRatio = 0.7)
    void lowLoad(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
