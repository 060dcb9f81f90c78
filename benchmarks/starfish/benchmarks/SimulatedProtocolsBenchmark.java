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
 * The four protocols on the simulated testbed at the reference's local committee: ten validators in ten regions,
 * virtual time, no processing time, so the figures are the protocols' own latency, comparable with the reference's
 * (mysticeti 475 ms, starfish 622 ms, cordial-miners 738 ms p50). Cheap enough for CI with
 * {@code -Dbenchmark.duration=20s}. Virtual time makes the figures exact on any machine, so the limits sit close:
 * below 400 ms the RTT table did not apply; above 700 ms a protocol lost a message delay against the reference.
 */
@GeoBenchmark(settings = "benchmarks/settings/simulated.yml")
class SimulatedProtocolsBenchmark {

    @BenchmarkTest(consensus = {MYSTICETI, STARFISH, STARFISH_PULL, CORDIAL_MINERS}, committee = 10, loads = 1_000,
            mimicLatency = true, duration = "60s")
    @Thresholds(minP50Latency = "400ms", maxP50Latency = "700ms", minThroughputRatio = 0.95)
    void tenValidatorsInTenRegions(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
