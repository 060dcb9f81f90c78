package starfish.benchmarks;

import static starfish.protocol.Consensus.MYSTICETI;

import org.junit.jupiter.api.Tag;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.junit.Thresholds;

/**
 * A hundred validators in ten regions on the simulated testbed: the Starfish paper's setting (mysticeti 510 ms p50
 * at low load). A run takes minutes of CPU, so the class is opt-in: tagged {@code paper-scale}, which the main job
 * leaves out; run it with {@code mvn verify -Dgroups=paper-scale}. Mysticeti only for now: starfish and
 * cordial-miners push each peer the blocks it may lack, which makes the simulation encode and decode about a
 * million blocks per round at n=100 (hours of CPU per run); starfish-pull at n=100 is not measured yet.
 */
@GeoBenchmark(settings = "benchmarks/settings/simulated.yml")
@Tag("paper-scale")
class PaperScaleBenchmark {

    /** Limits around the measured p50 (README, Performance). */
    @BenchmarkTest(consensus = {MYSTICETI}, committee = 100, loads = 1_000, mimicLatency = true, duration = "20s")
    @Thresholds(minP50Latency = "400ms", maxP50Latency = "800ms", minThroughputRatio = 0.9)
    void hundredValidatorsInTenRegions(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
