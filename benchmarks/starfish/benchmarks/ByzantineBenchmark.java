package starfish.benchmarks;

import static starfish.protocol.Consensus.MYSTICETI;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.Benchmarks;
import starfish.junit.GeoBenchmark;
import starfish.junit.Run;
import starfish.protocol.ByzantineStrategy;

/**
 * Mysticeti with one Byzantine validator of four, once per strategy: the honest three stay safe and live. Strategies
 * that withhold or drop the attacker's blocks lose its quarter of the load (about 76% measured), leader attacks cost
 * a timeout every fourth round (p50 about 0.5 s): the limits sit below and above those.
 */
@GeoBenchmark
class ByzantineBenchmark {

    private static final int LOAD = 200;

    @ParameterizedTest(name = "mysticeti · n=4 · {0} x1")
    @EnumSource(value = ByzantineStrategy.class, mode = EnumSource.Mode.EXCLUDE, names = "HONEST")
    void underAttack(ByzantineStrategy strategy, Benchmarks benchmarks) {
        BenchmarkResult result = benchmarks.run(Run.of(MYSTICETI).committee(4).load(LOAD).byzantine(1, strategy)
                .duration("15s"));

        BenchmarkAssertions.assertThat(result).isSafe().isLive().hasThroughputAtLeast(0.65 * LOAD)
                .hasP50LatencyBelow(Duration.ofSeconds(2));
    }
}
