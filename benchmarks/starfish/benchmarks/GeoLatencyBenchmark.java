package starfish.benchmarks;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.Benchmarks;
import starfish.junit.GeoBenchmark;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * Runs built in the test method: with {@link Benchmarks}, any JUnit source can drive them. Here validators mimic
 * the latency of a ten-region deployment. Rows for other protocols and for Byzantine validators
 * ({@code starfish, 300, 1, chain-bomb}) join the table as the validator implements them.
 */
@GeoBenchmark
class GeoLatencyBenchmark {

    @ParameterizedTest(name = "{0} · {1} tx/s · {2} byzantine ({3}) · mimicked geo-latency")
    @CsvSource({"mysticeti, 300, 0, honest"})
    void mimickedGeoLatency(String consensus, int load, int byzantineNodes, String strategy, Benchmarks benchmarks) {
        BenchmarkResult result = benchmarks.run(BenchmarkParameters.builder()
                .consensus(Consensus.fromCliName(consensus)).committee(4).load(load)
                .byzantine(byzantineNodes, ByzantineStrategy.fromCliName(strategy))
                .mimicExtraLatency(true).duration(Duration.ofSeconds(30)).build());

        BenchmarkAssertions.assertThat(result).isSafe().isLive().hasThroughputAtLeast(0.7 * load)
                .hasP50LatencyBelow(Duration.ofSeconds(4));
    }
}
