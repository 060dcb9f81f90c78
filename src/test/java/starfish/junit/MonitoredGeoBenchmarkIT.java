package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.qameta.allure.Allure;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import starfish.orchestrator.monitoring.MonitoringComponent;

/** With `monitoring: true`, a benchmark run through the extension is watched and its Allure test links there. */
class MonitoredGeoBenchmarkIT {
    @TempDir
    Path dir;

    @TestKitOnly
    @GeoBenchmark
    static class MonitoredRun {
        @BenchmarkTest(committee = 1, loads = 200, duration = "3s")
        void mysticeti(BenchmarkResult result) {
            BenchmarkAssertions.assertThat(result).isLive();
        }
    }

    @Test
    void allureTestLinksToTheRunsMonitoring() throws IOException {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
        Path settings = Files.writeString(dir.resolve("settings.yml"), String.join("\n",
                "testbed_id: junit-monitored",
                "cloud_provider: local",
                "working_dir: " + dir.resolve("testbed"),
                "results_dir: " + dir.resolve("results"),
                "logs_dir: " + dir.resolve("logs"),
                "scrape_interval: 1s",
                "monitoring: true", ""));

        Path allure = dir.resolve("allure");
        // Through a Launcher with Allure's listener, as surefire runs it, so that result files are written.
        TestKit.withAllureWritingTo(allure, () -> {
            LauncherFactory.create(LauncherConfig.builder()
                            .enableTestExecutionListenerAutoRegistration(false)
                            .addTestExecutionListeners(new AllureJunitPlatform(Allure.getLifecycle()))
                            .build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClass(MonitoredRun.class))
                            .filters(EngineFilter.includeEngines("junit-jupiter"))
                            .configurationParameters(TestKit.parameters(allure,
                                    Map.of(BenchmarkProperties.SETTINGS, settings.toString())))
                            .build());
            return null;
        });

        assertThat(allureResults()).singleElement().satisfies(result -> assertThat(result)
                .contains("\"status\":\"passed\"")
                .containsPattern("\"name\"\\s*:\\s*\"Monitoring\"")
                .containsPattern("\"url\"\\s*:\\s*\"http://127\\.0\\.0\\.1:\\d+\""));
    }

    private List<String> allureResults() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("allure"))) {
            return files.filter(file -> file.getFileName().toString().endsWith("-result.json")).map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
