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
 * The protocols on the simulated testbed, in virtual time with no processing time, so the figures are the
 * protocols' own latency. Ten validators in ten regions: the reference's local committee (mysticeti 475 ms,
 * starfish 622 ms, cordial-miners 738 ms p50), cheap enough for CI with {@code -Dbenchmark.duration=20s}. Virtual
 * time makes the figures exact on any machine, so the limits sit close to the measured ones. A hundred validators
 * are in {@link PaperScaleBenchmark}.
 */
@GeoBenchmark(settings = "benchmarks/settings/simulated.yml")
class SimulatedProtocolsBenchmark {

    /** Below 400 ms the RTT table did not apply; above 700 ms a protocol lost a message delay against the reference. */
    @BenchmarkTest(consensus = {MYSTICETI, STARFISH, STARFISH_PULL, CORDIAL_MINERS}, committee = 10, loads = 1_000,
            mimicLatency = true, duration = "60s")
    @Thresholds(minP50Latency = "400ms", maxP50Latency = "700ms", minThroughputRatio = 0.95)
    void tenValidatorsInTenRegions(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
