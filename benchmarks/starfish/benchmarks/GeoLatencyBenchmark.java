package starfish.benchmarks;

import static starfish.protocol.ByzantineStrategy.HONEST;
import static starfish.protocol.Consensus.MYSTICETI;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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
 * ({@code arguments(STARFISH, 300, 1, CHAIN_BOMB)}) join {@link #runs()} as the validator implements them.
 */
@GeoBenchmark
class GeoLatencyBenchmark {

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of(MYSTICETI, 300, 0, HONEST));
    }

    @ParameterizedTest(name = "{0} · {1} tx/s · byzantine {2} ({3}) · mimicked geo-latency")
    @MethodSource("runs")
    void mimickedGeoLatency(Consensus consensus, int load, int byzantineNodes, ByzantineStrategy strategy,
            Benchmarks benchmarks) {
        BenchmarkResult result = benchmarks.run(BenchmarkParameters.builder()
                .consensus(consensus).committee(4).load(load).byzantine(byzantineNodes, strategy)
                .mimicExtraLatency(true).duration(Duration.ofSeconds(20)).build());

        BenchmarkAssertions.assertThat(result).isSafe().isLive().hasThroughputAtLeast(0.7 * load)
                .hasP50LatencyBelow(Duration.ofSeconds(3));
    }
}
