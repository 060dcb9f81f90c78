package starfish.junit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;

class BenchmarkAssertionsTest {
    private static final LatencyStats LATENCY = new LatencyStats(350, 100, 300, 300, 600, 600, 900);

    @Test
    void passesAResultThatMeetsEveryCheck() {
        BenchmarkResult result = Results.of(1000, 990, LATENCY);

        assertThatCode(() -> BenchmarkAssertions.assertThat(result).isSafe().isLive().hasThroughputAtLeast(950)
                .hasP50LatencyBelow(Duration.ofMillis(301)).hasP99LatencyBelow(Duration.ofSeconds(1)))
                .doesNotThrowAnyException();
    }

    @Test
    void namesTheRunTheMetricAndBothValues() {
        BenchmarkResult result = Results.of(1000, 990, LATENCY);

        assertThatThrownBy(() -> BenchmarkAssertions.assertThat(result).hasP99LatencyBelow(Duration.ofMillis(900)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("[mysticeti · n=4 · 1000 tx/s] p99 transaction latency 900 ms is not below 900 ms");
        assertThatThrownBy(() -> BenchmarkAssertions.assertThat(result).hasThroughputAtLeast(995.5))
                .hasMessageEndingWith("throughput 990 tx/s is below 995.5 tx/s");
        assertThatThrownBy(() -> BenchmarkAssertions.assertThat(result).hasP50LatencyBelow(Duration.ofMillis(250)))
                .hasMessageEndingWith("p50 transaction latency 300 ms is not below 250 ms");
    }

    @Test
    void failsAnUnsafeOrStalledRun() {
        BenchmarkResult unsafe = Results.of(1000, 990, LATENCY, Safety.VIOLATED, "validator 3 diverges", true);
        BenchmarkResult stalled = Results.of(1000, 990, LATENCY, Safety.OK, "", false);

        assertThatThrownBy(() -> BenchmarkAssertions.assertThat(unsafe).isSafe())
                .hasMessageEndingWith("safety violated: validator 3 diverges");
        assertThatThrownBy(() -> BenchmarkAssertions.assertThat(stalled).isLive()).hasMessageContaining("not live");
    }
}
