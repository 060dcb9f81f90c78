package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar runs a real local benchmark: four validator JVMs on loopback, scraped over HTTP, their committed
 * sequences compared, the results file summarised again, and no validator left behind.
 */
class BenchmarkCliIT {
    private static final Path JAR = Path.of("target", "starfish.jar").toAbsolutePath();
    private static final Pattern THROUGHPUT = Pattern.compile("throughput\\s+([\\d,]+\\.\\d) tx/s");
    private static final Pattern RESULTS = Pattern.compile("results\\s+(\\S+\\.json)");

    @TempDir
    Path workingDir;

    @Test
    void localBenchmarkMeasuresTheOfferedLoadSafelyAndCleansUp() throws Exception {
        Path output = workingDir.resolve("benchmark.out");
        Process benchmark = java(output, "benchmark", "--consensus", "mysticeti", "--committee", "4",
                "--loads", "1000", "--duration", "20s");
        try {
            // while it runs, the validators are visible as processes working inside this directory
            await().atMost(Duration.ofSeconds(60)).until(() -> validatorsUnder(workingDir).size() >= 4);
            // about 35 s on an idle 2-core machine; the bound leaves room for a machine shared with other builds
            assertThat(benchmark.waitFor(240, TimeUnit.SECONDS)).as("benchmark finished in time").isTrue();
        } finally {
            // SIGTERM: the benchmark's shutdown hook removes its validators when it is still running
            benchmark.destroy();
            benchmark.onExit().get(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output);
        System.out.println(printed); // the measured figures, kept in the failsafe report

        assertThat(benchmark.exitValue()).as(printed).isZero();
        Matcher throughput = THROUGHPUT.matcher(printed);
        assertThat(throughput.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(throughput.group(1).replace(",", ""))).isBetween(900.0, 1100.0);
        assertThat(printed).containsPattern("safety\\s+ok");
        Matcher results = RESULTS.matcher(printed);
        assertThat(results.find()).isTrue();
        Path measurements = Path.of(results.group(1));
        assertThat(measurements).exists().isRegularFile();
        assertThat(measurements.getFileName().toString())
                .matches("measurements-\\d{8}-\\d{6}-mysticeti-4-1000-honest-0-nogeo-20s\\.json");
        assertThat(measurements.getParent().getFileName().toString()).isEqualTo("local");

        Path summarized = workingDir.resolve("summarize.out");
        Process summarize = java(summarized, "summarize", "--path", measurements.toString());
        assertThat(summarize.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(summarize.exitValue()).isZero();
        assertThat(table(printed)).isEqualTo(table(Files.readString(summarized)));

        await().atMost(Duration.ofSeconds(15)).until(() -> validatorsUnder(workingDir).isEmpty());
        assertThat(workingDir.resolve(".testbed")).doesNotExist();
        try (Stream<Path> logs = Files.walk(workingDir.resolve("logs"))) {
            assertThat(logs.map(p -> p.getFileName().toString())).contains("node-0.log", "node-3.log",
                    "committed-0.log");
        }
    }

    @Test
    void severalProtocolsRunFromAnotherDirectoryWithTheRunningJarUploadedAndAreComparedInOneTable() throws Exception {
        Path output = workingDir.resolve("protocols.out");
        Process benchmark = java(output, "benchmark", "--protocols", "mysticeti", "starfish", "--upload-local-build",
                "--loads", "300", "--duration", "8s");
        try {
            assertThat(benchmark.waitFor(300, TimeUnit.SECONDS)).as("benchmark finished in time").isTrue();
        } finally {
            benchmark.destroy();
            benchmark.onExit().get(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output);
        System.out.println(printed);

        assertThat(benchmark.exitValue()).as(printed).isZero();
        assertThat(printed).contains("> update").doesNotContain("does not exist");
        String comparison = printed.substring(printed.indexOf("protocols compared:"));
        assertThat(comparison).containsPattern("\\nmysticeti\\s+4\\s+300\\s.*safe\\s+yes")
                .containsPattern("\\nstarfish\\s+4\\s+300\\s.*safe\\s+yes");
        await().atMost(Duration.ofSeconds(15)).until(() -> validatorsUnder(workingDir).isEmpty());
    }

    @Test
    void aRunWithoutDurationGoesOnUntilCtrlCThenStopsCleanlyAndSummarises() throws Exception {
        Path output = workingDir.resolve("open.out");
        // the test JVM may run with SIGINT ignored (a background build), which a child inherits: reset it
        Process benchmark = start(output, List.of("env", "--default-signal=INT"), "benchmark", "--loads", "300",
                "--duration", "0");
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.readString(output)
                    .matches("(?s).*tps\\s+[1-9][\\d.]*\\s+p50.*"));
            new ProcessBuilder("kill", "-INT", Long.toString(benchmark.pid())).start().waitFor();
            assertThat(benchmark.waitFor(120, TimeUnit.SECONDS)).as("stopped after Ctrl-C").isTrue();
        } finally {
            benchmark.destroy();
            benchmark.onExit().get(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output);
        System.out.println(printed);

        assertThat(benchmark.exitValue()).as(printed).isZero();
        assertThat(printed).contains("running until Ctrl-C", "stopping: one last scrape")
                .containsPattern("safety\\s+ok").containsPattern("live\\s+yes");
        Matcher throughput = THROUGHPUT.matcher(printed);
        assertThat(throughput.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(throughput.group(1).replace(",", ""))).isBetween(250.0, 350.0);
        await().atMost(Duration.ofSeconds(15)).until(() -> validatorsUnder(workingDir).isEmpty());
        assertThat(workingDir.resolve(".testbed")).doesNotExist();
    }

    private Process java(Path output, String... arguments) throws IOException {
        return start(output, List.of(), arguments);
    }

    private Process start(Path output, List<String> prefix, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
    }

    /** The summary table: the lines from `benchmark` on, as printed by both commands. */
    private static String table(String printed) {
        int start = printed.indexOf("  benchmark ");
        int end = printed.indexOf('\n', printed.indexOf("  results "));
        return printed.substring(start, end);
    }

    /** Processes whose working directory lies under `dir` (Linux /proc), i.e. validators of this test. */
    private static List<ProcessHandle> validatorsUnder(Path dir) throws IOException {
        Path real = dir.toRealPath();
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(p.pid()), "cwd"));
                return cwd.startsWith(real.resolve(".testbed")) && p.info().command().orElse("").endsWith("java");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }).toList();
    }
}
