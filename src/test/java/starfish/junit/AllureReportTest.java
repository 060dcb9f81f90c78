package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.protocol.Consensus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs scenarios through a Launcher with Allure's listener, as surefire does, and reads the result files. */
class AllureReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path results;

    @TestKitOnly
    @GeoBenchmark
    static class Reported {
        @BenchmarkTest(loads = 100, duration = "5s")
        void passes() {
        }

        @BenchmarkTest(loads = 200, duration = "5s")
        @Thresholds(maxP99Latency = "500ms")
        void violatesAThreshold() {
        }

        @Test
        void takesStepsOfItsOwn(Benchmarks benchmarks) {
            Allure.step("a user's step", () -> benchmarks.run(Run.of(Consensus.STARFISH).load(300).duration("5s")));
        }

        @BenchmarkTest(loads = RecordingTestbedFactory.VIOLATED_LOAD, duration = "5s")
        void diverges() {
        }

        @BenchmarkTest(loads = RecordingTestbedFactory.UNKNOWN_LOAD, duration = "5s")
        void losesACommittedLog() {
        }
    }

    @BeforeAll
    static void runScenariosWithAllure() {
        TestKit.reportToAllure(Reported.class, results,
                Map.of(TestbedFactory.PARAMETER, RecordingTestbedFactory.class.getName()));
    }

    @Test
    void labelsEachRunWithItsParameters() throws IOException {
        JsonNode result = result("mysticeti · n=4 · 100 tx/s");

        assertThat(result.path("status").asText()).isEqualTo("passed");
        assertThat(namesToValues(result.path("parameters"))).containsEntry("consensus", "mysticeti")
                .containsEntry("committee", "4").containsEntry("load (tx/s)", "100")
                .containsEntry("byzantine nodes", "0").containsEntry("byzantine strategy", "honest")
                .containsEntry("mimicked latency", "false").containsEntry("duration", "5s")
                .containsEntry("provider", "local").containsKey("commit");
        assertThat(namesToValues(result.path("labels"))).containsEntry("epic", "geo-benchmark")
                .containsEntry("feature", "mysticeti");
    }

    @Test
    void turnsPhasesIntoSteps() throws IOException {
        JsonNode steps = result("mysticeti · n=4 · 100 tx/s").path("steps");

        assertThat(stream(steps).map(s -> s.path("name").asText())).containsExactly("configure", "boot", "measure",
                "stop");
        assertThat(stream(steps).map(s -> s.path("status").asText())).containsOnly("passed");
    }

    @Test
    void attachesSummaryMeasurementsChartsAndSettings() throws IOException {
        Map<String, String> attachments = attachments(result("mysticeti · n=4 · 100 tx/s"));

        assertThat(attachments).containsOnlyKeys("settings", "summary", "measurements", "throughput over time",
                "latency over time");
        assertThat(attachments.get("summary")).contains("<table").contains("90.0 tx/s").contains("700.0 ms");
        assertThat(attachments.get("measurements")).contains("\"load\": 100");
        assertThat(attachments.get("throughput over time")).startsWith("<svg").contains("<polyline");
        assertThat(attachments.get("settings")).contains("cloud_provider: \"local\"");
    }

    @Test
    void failsARunThatViolatesAThresholdAndAttachesTheValidatorLogs() throws IOException {
        JsonNode result = result("mysticeti · n=4 · 200 tx/s");

        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("statusDetails").path("message").asText())
                .contains("threshold violated: p99 transaction latency 700 ms exceeds the limit of 500 ms");
        assertThat(attachments(result)).containsEntry("node-0.log (last 200 lines)",
                "booting\ncommitted leader 1\ncommitted leader 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "666 | failed | safety violated: validators 0 and 2 diverge at committed index 5",
            "667 | broken | safety unknown: validator 1's committed log was not collected"})
    void reportsAViolatedRunAsFailedAndAnUnknownOneAsBrokenNeverPassed(int load, String status, String message)
            throws IOException {
        JsonNode result = result("mysticeti · n=4 · " + load + " tx/s");

        assertThat(result.path("status").asText()).isEqualTo(status);
        assertThat(result.path("statusDetails").path("message").asText()).contains(message);
    }

    @Test
    void showsEachRunsFiguresChartsAndTrendOnItsPage() throws IOException {
        String page = result("mysticeti · n=4 · 100 tx/s").path("descriptionHtml").asText();

        assertThat(page).contains("<table").contains("90.0").contains("300 ms").contains("700 ms").contains("safe")
                .contains("<svg").contains("<polyline").contains("Trend").contains("No baseline yet");
    }

    @Test
    void writesAPageWithEveryRunOfTheClassSideBySide() throws IOException {
        JsonNode page = result("All runs side by side");

        assertThat(page.path("descriptionHtml").asText()).contains("Reported: 5 run(s)").contains(">100<")
                .contains(">200<").contains(">90.0<").contains(">180.0<").contains(">passed<").contains(">failed<");
        assertThat(namesToValues(page.path("labels"))).containsKey("suite");
    }

    @Test
    void appendsEachRunToTheHistory() throws IOException {
        try (Stream<Path> files = Files.walk(results.resolve("benchmark-history"))) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("mysticeti-4-100-honest-0-nogeo-5s@local-"))
                    .anyMatch(name -> name.startsWith("mysticeti-4-200-honest-0-nogeo-5s@local-"));
        }
    }

    @Test
    void keepsTheStepsAScenarioTakesWithAllureStep() throws IOException {
        JsonNode result = result("takesStepsOfItsOwn(Benchmarks)");

        assertThat(result.path("status").asText()).isEqualTo("passed");
        assertThat(stream(result.path("steps")).map(s -> s.path("name").asText())).contains("a user's step");
        assertThat(result.path("descriptionHtml").asText()).contains("starfish · n=4 · 300 tx/s");
    }

    @Test
    void writesTheEnvironmentAndTheFailureCategories() throws IOException {
        assertThat(Files.readString(results.resolve("environment.properties"))).contains("provider=local")
                .contains("regions=local").contains("jdk=").contains("os=").contains("commit=");
        JsonNode categories = JSON.readTree(results.resolve("categories.json").toFile());
        assertThat(stream(categories).map(c -> c.path("name").asText())).containsExactly("Safety violated",
                "Threshold violated", "Safety unknown", "Testbed failure");
    }

    /** Allure names a test template's invocation by its method and its display name. */
    private static JsonNode result(String nameEnd) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            List<JsonNode> matching = files.filter(f -> f.getFileName().toString().endsWith("-result.json"))
                    .map(AllureReportTest::read).filter(r -> r.path("name").asText().endsWith(nameEnd)).toList();
            assertThat(matching).as("Allure results named ... " + nameEnd).hasSize(1);
            return matching.get(0);
        }
    }

    private static Map<String, String> attachments(JsonNode result) throws IOException {
        Map<String, String> contents = new HashMap<>();
        for (JsonNode attachment : result.path("attachments")) {
            contents.put(attachment.path("name").asText(),
                    Files.readString(results.resolve(attachment.path("source").asText())));
        }
        return contents;
    }

    private static Map<String, String> namesToValues(JsonNode array) {
        Map<String, String> map = new HashMap<>();
        array.forEach(entry -> map.put(entry.path("name").asText(), entry.path("value").asText()));
        return map;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
