package starfish.benchmarks;

import static starfish.protocol.ByzantineStrategy.HONEST;
import static starfish.protocol.Consensus.MYSTICETI;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.Benchmarks;
import starfish.junit.GeoBenchmark;
import starfish.junit.Run;
import starfish.junit.Thresholds;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * Runs built in the test method: with {@link Benchmarks}, any JUnit source can drive them. Here validators mimic
 * the latency of a ten-region deployment, so p50 must stay above a floor that no run without the added delay
 * reaches (measured: 282 ms with it on a busy machine, about 60 ms without). Rows for other protocols and for Byzantine validators
 * ({@code arguments(STARFISH, 300, 1, CHAIN_BOMB)}) can join {@link #runs()}.
 */
@GeoBenchmark
class GeoLatencyBenchmark {

    static Stream<Arguments> runs() {
        return Stream.of(Arguments.of(MYSTICETI, 300, 0, HONEST));
    }

    @ParameterizedTest(name = "{0} · {1} tx/s · byzantine {2} ({3}) · mimicked geo-latency")
    @MethodSource("runs")
    @Thresholds(minP50Latency = "180ms", maxP50Latency = "1s", maxP99Latency = "3s", minThroughputRatio = 0.9,
            maxRegression = "25%")
    void mimickedGeoLatency(Consensus consensus, int load, int byzantineNodes, ByzantineStrategy strategy,
            Benchmarks benchmarks) {
        BenchmarkResult result = benchmarks.run(Run.of(consensus).committee(4).load(load)
                .byzantine(byzantineNodes, strategy).mimicLatency().duration("20s"));

        BenchmarkAssertions.assertThat(result).isSafe().isLive();
    }
}
