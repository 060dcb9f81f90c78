package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.protocol.Consensus;

/**
 * The report as a person sees it: scenarios on the recording testbed write Allure results, the Allure command line
 * that the main job uses turns them into the single-file report, and headless Chromium opens it from the disk.
 * Needs `chromium` (CI installs it) and the Allure command line that `mvn verify` unpacks into target/.
 */
class SingleFileReportIT {
    private static final Pattern TREE_LEAF = Pattern.compile(
            "href=\"(#suites/[^\"]+)\"[\\s\\S]*?<div class=\"node__name\">\\s*([^<]+?)\\s*</div>");

    @TempDir
    static Path work;
    private static Path report;

    @TestKitOnly
    @GeoBenchmark
    static class Sweep {
        @BenchmarkTest(consensus = {Consensus.MYSTICETI, Consensus.STARFISH}, loads = {100, 400}, duration = "5s")
        void lowLoads() {
        }
    }

    @BeforeAll
    static void generateTheReport() throws Exception {
        assumeTrue(onPath("chromium"), "chromium is not installed (CI installs it: apt-get install chromium)");
        Path allure = Path.of(System.getProperty("allure.commandline", "target/allure-commandline/bin/allure"));
        assumeTrue(Files.isExecutable(allure), "no Allure command line at " + allure + "; run `mvn verify`");
        Path results = work.resolve("allure-results");
        TestKit.reportToAllure(Sweep.class, results,
                Map.of(TestbedFactory.PARAMETER, RecordingTestbedFactory.class.getName()));
        report = work.resolve("report");
        String output = run(List.of(allure.toString(), "generate", "--single-file", "--clean", "-o",
                report.toString(), results.toString()));
        assertThat(output).contains("Report successfully generated");
    }

    @Test
    void isOneFileThatOpensFromTheDisk() throws Exception {
        try (Stream<Path> files = Files.list(report)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("index.html");
        }
        String suites = dom("#suites");

        assertThat(leaves(suites)).containsKeys("All runs side by side", "lowLoads() mysticeti · n=4 · 100 tx/s",
                "lowLoads() starfish · n=4 · 400 tx/s");
        assertThat(suites).doesNotContain("Loading...");
    }

    @Test
    void showsARunsFiguresAndChartsWithoutExpandingAnything() throws Exception {
        String page = dom(leaves(dom("#suites")).get("lowLoads() starfish · n=4 · 400 tx/s"));

        assertThat(page).contains("starfish-run").contains("360.0").contains("300 ms").contains("700 ms")
                .contains("safe").contains("Throughput").contains("<polyline");
    }

    @Test
    void showsEveryRunSideBySideWithALatencyThroughputLinePerProtocol() throws Exception {
        String page = dom(leaves(dom("#suites")).get("All runs side by side"));

        assertThat(page).contains("starfish-side-by-side").contains("Latency vs throughput");
        assertThat(Pattern.compile("<td[^>]*>(mysticeti|starfish)</td>").matcher(page).results().count())
                .isEqualTo(4);
        assertThat(Pattern.compile("<polyline").matcher(page.substring(page.indexOf("Latency vs throughput")))
                .results().count()).isEqualTo(2);
    }

    /** The page's DOM once its scripts ran, as Chromium renders it for a person. */
    private static String dom(String route) throws IOException, InterruptedException {
        return run(List.of("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + work.resolve("chromium-profile"), "--virtual-time-budget=10000",
                "--dump-dom", report.resolve("index.html").toUri() + route));
    }

    /** Test names in the report's tree, each with its route. */
    private static Map<String, String> leaves(String dom) {
        Map<String, String> leaves = new LinkedHashMap<>();
        Matcher leaf = TREE_LEAF.matcher(dom);
        while (leaf.find()) {
            leaves.put(leaf.group(2).replace("&amp;", "&"), leaf.group(1));
        }
        return leaves;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "output-", ".txt");
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish in 120 s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + " exited with " + process.exitValue() + ": " + text).isZero();
        return text;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
