package starfish.benchmarks;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.Benchmarks;
import starfish.junit.GeoBenchmark;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** Mysticeti with one Byzantine validator of four, once per strategy: the honest three stay safe and live. */
@GeoBenchmark
class ByzantineBenchmark {

    private static final int LOAD = 200;

    @ParameterizedTest(name = "mysticeti · n=4 · {0} x1")
    @EnumSource(value = ByzantineStrategy.class, mode = EnumSource.Mode.EXCLUDE, names = "HONEST")
    void underAttack(ByzantineStrategy strategy, Benchmarks benchmarks) {
        BenchmarkResult result = benchmarks.run(BenchmarkParameters.builder()
                .consensus(Consensus.MYSTICETI).committee(4).load(LOAD).byzantine(1, strategy)
                .duration(Duration.ofSeconds(15)).build());

        BenchmarkAssertions.assertThat(result).isSafe().isLive().hasThroughputAtLeast(0.5 * LOAD);
    }
}
