package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.qameta.allure.Allure;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import starfish.junit.allure.SideBySidePage;
import starfish.orchestrator.monitoring.MonitoringComponent;

/**
 * With `monitoring: true`, a benchmark class's testbed is watched by one monitoring, started once and stopped with
 * the testbed, and each Allure test links to it.
 */
class MonitoredGeoBenchmarkIT {
    /** An Allure link object, {"name":"Monitoring","url":"http://127.0.0.1:PORT",...}. */
    private static final Pattern MONITORING_LINK = Pattern.compile(
            "\"name\"\\s*:\\s*\"Monitoring\"\\s*,\\s*\"url\"\\s*:\\s*\"(http://127\\.0\\.0\\.1:\\d+)\"");

    @TempDir
    Path dir;

    @TestKitOnly
    @GeoBenchmark
    static class MonitoredRuns {
        @BenchmarkTest(committee = 1, loads = {200, 300}, duration = "3s")
        void mysticeti(BenchmarkResult result) {
            BenchmarkAssertions.assertThat(result).isLive();
        }
    }

    @Test
    void everyAllureTestLinksToTheTestbedsOneMonitoring() throws Exception {
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
        String printed = printedWhile(() -> runThroughAllure(allure, settings));

        List<String> results = allureResults().stream()
                .filter(result -> !result.contains("\"name\":\"" + SideBySidePage.NAME + "\"")).toList();
        assertThat(results).as("one result per run besides the side-by-side page").hasSize(2).allSatisfy(result -> assertThat(result).contains("\"status\":\"passed\""));
        Set<String> linked = results.stream().map(MonitoredGeoBenchmarkIT::monitoringLink).collect(Collectors.toSet());
        assertThat(linked).as("both runs link the same monitoring").hasSize(1);
        String url = linked.iterator().next();
        assertThat(printed.lines().filter(line -> line.startsWith("Prometheus: ")))
                .as("monitoring starts once per testbed").containsExactly("Prometheus: " + url);
        URI ready = URI.create(url + "/-/ready");
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready).build(),
                HttpResponse.BodyHandlers.discarding())).as("monitoring stops with the testbed")
                .isInstanceOf(IOException.class);
    }

    /** Through a Launcher with Allure's listener, as surefire runs it, so that result files are written. */
    private static void runThroughAllure(Path allure, Path settings) {
        TestKit.withAllureWritingTo(allure, () -> {
            LauncherFactory.create(LauncherConfig.builder()
                            .enableTestExecutionListenerAutoRegistration(false)
                            .addTestExecutionListeners(new AllureJunitPlatform(Allure.getLifecycle()))
                            .build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClass(MonitoredRuns.class))
                            .filters(EngineFilter.includeEngines("junit-jupiter"))
                            .configurationParameters(TestKit.parameters(allure,
                                    Map.of(BenchmarkProperties.SETTINGS, settings.toString())))
                            .build());
            return null;
        });
    }

    /** What `run` prints to System.out (where monitoring prints its URLs), passed on once it is done. */
    private static String printedWhile(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
            original.print(printed.toString(StandardCharsets.UTF_8));
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String monitoringLink(String result) {
        Matcher link = MONITORING_LINK.matcher(result);
        assertThat(link.find()).as("a Monitoring link in %s", result).isTrue();
        return link.group(1);
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
