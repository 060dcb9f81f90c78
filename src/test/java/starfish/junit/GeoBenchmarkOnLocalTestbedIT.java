package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A real, short benchmark through the extension: four validators on the local testbed, then the testbed is gone. */
class GeoBenchmarkOnLocalTestbedIT {
    private static final AtomicReference<BenchmarkResult> RESULT = new AtomicReference<>();

    @TempDir
    Path dir;

    @TestKitOnly
    @GeoBenchmark
    static class ShortRun {
        @BenchmarkTest(committee = 4, loads = 200, duration = "10s")
        @Thresholds(minThroughputRatio = 0.3)
        void mysticeti(BenchmarkResult result) {
            RESULT.set(result);
            BenchmarkAssertions.assertThat(result).isSafe().isLive();
        }
    }

    @Test
    void runsFourValidatorsAndDestroysTheTestbed() throws IOException {
        Path settings = dir.resolve("settings.yml");
        Files.writeString(settings, String.join("\n",
                "testbed_id: junit-it",
                "cloud_provider: local",
                "working_dir: " + dir.resolve("testbed"),
                "results_dir: " + dir.resolve("results"),
                "logs_dir: " + dir.resolve("logs"),
                "scrape_interval: 2s", ""));

        EngineExecutionResults results = TestKit.runOnDefaultTestbed(ShortRun.class, dir.resolve("allure"),
                Map.of(BenchmarkProperties.SETTINGS, settings.toString()));

        assertThat(Failures.of(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        BenchmarkResult result = RESULT.get();
        assertThat(result.tps()).isGreaterThan(60);
        assertThat(result.transactionLatency().p50()).isPositive();
        assertThat(result.measurementsFile()).isRegularFile().startsWith(dir.resolve("results"));
        assertThat(dir.resolve("testbed")).as("destroyed testbed").doesNotExist();
        try (var allure = Files.list(dir.resolve("allure"))) {
            assertThat(allure.map(f -> f.getFileName().toString())).contains("environment.properties");
        }
    }
}
