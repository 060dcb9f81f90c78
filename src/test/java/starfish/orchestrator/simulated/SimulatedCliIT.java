package starfish.orchestrator.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's `benchmark --seed N` on the simulated testbed replays a run: the same seed gives the same
 * summary and the same committed sequences (their running digests), another seed other ones.
 */
class SimulatedCliIT {

    private static final Path JAR = Path.of("target", "starfish.jar").toAbsolutePath();
    private static final Pattern RESULTS = Pattern.compile("results\\s+(\\S+\\.json)");

    @TempDir
    Path workingDir;

    /** What one run printed and where its committed logs are. */
    private record Printed(String summary, Path logsDir) {
    }

    @Test
    void oneSeedReplaysTheRunAndAnotherSeedDoesNot() throws Exception {
        // jitter makes the seed matter: it draws every frame's delay
        Files.writeString(workingDir.resolve("simulated.yml"), """
                cloud_provider: simulated
                uniform_latency_ms: 100
                jitter_percent: 20
                scrape_interval: 5s
                """);

        Printed first = benchmark("first", 5);
        Printed again = benchmark("again", 5);
        Printed other = benchmark("other", 6);

        assertThat(again.summary()).isEqualTo(first.summary()).contains("safety         ok");
        assertThat(other.summary()).isNotEqualTo(first.summary());
        for (int authority = 0; authority < 4; authority++) {
            List<String> digests = runningDigests(first, authority);
            assertThat(digests).hasSizeGreaterThan(10);
            assertThat(runningDigests(again, authority)).isEqualTo(digests);
            assertThat(runningDigests(other, authority)).isNotEqualTo(digests);
        }
    }

    private Printed benchmark(String name, long seed) throws IOException, InterruptedException {
        Path output = workingDir.resolve(name + ".out");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", JAR.toString(),
                "benchmark", "--settings-path", "simulated.yml", "--consensus", "starfish", "--committee", "4",
                "--loads", "400", "--duration", "10s", "--seed", Long.toString(seed)));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        // a few seconds of work; the bound leaves room for a machine shared with other builds
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("benchmark finished in time").isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("seed " + seed);
        int start = printed.indexOf("  benchmark ");
        Matcher results = RESULTS.matcher(printed);
        assertThat(start).as(printed).isNotNegative();
        assertThat(results.find()).as(printed).isTrue();
        assertThat(results.group(1)).contains("simulated-seed" + seed);
        String runId = Path.of(results.group(1)).getFileName().toString()
                .replaceFirst("^measurements-", "").replaceFirst("\\.json$", "");
        // the summary without its last line, the results file, whose name carries the run's start time
        return new Printed(printed.substring(start, printed.indexOf("  results ", start)),
                workingDir.resolve("logs").resolve(runId));
    }

    /** The running digest of each committed leader (the fifth field of a committed.log line). */
    private static List<String> runningDigests(Printed run, int authority) throws IOException {
        try (Stream<String> lines = Files.lines(run.logsDir().resolve("committed-" + authority + ".log"))) {
            return lines.map(line -> line.split(" ")).filter(fields -> fields.length >= 5).map(fields -> fields[4])
                    .toList();
        }
    }
}
