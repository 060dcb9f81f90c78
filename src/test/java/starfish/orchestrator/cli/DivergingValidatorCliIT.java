package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real local benchmark (the packaged jar, four validator processes) in which validator 1's committed sequence is
 * made to diverge: the test changes the first hex digit of the running digest in line 5 of its committed.log while it
 * runs, as a validator that output something else there would have written (the validator appends, so the change
 * stays). The benchmark command reports `violated` naming committed index 5 and exits with 3.
 */
class DivergingValidatorCliIT {
    private static final Path JAR = Path.of("target", "starfish.jar").toAbsolutePath();
    private static final int DIVERGING_INDEX = 5;

    @TempDir
    Path workingDir;

    @Test
    void aDivergingValidatorMakesTheBenchmarkCommandExitWithThree() throws Exception {
        Path output = workingDir.resolve("benchmark.out");
        Process benchmark = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-jar", JAR.toString(), "benchmark", "--consensus", "mysticeti",
                "--committee", "4", "--loads", "200", "--duration", "20s"))
                .directory(workingDir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            Path log = workingDir.resolve(".testbed").resolve("local-1").resolve("storage-1").resolve("committed.log");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> lines(log).size() > DIVERGING_INDEX + 1);
            String line = lines(log).get(DIVERGING_INDEX);
            long lineStart = offsetOfLine(log, DIVERGING_INDEX);
            int digestField = line.indexOf(' ', line.indexOf(' ', line.indexOf(' ', line.indexOf(' ') + 1) + 1) + 1);
            replaceHexDigit(log, lineStart + digestField + 1); // the first hex digit of the running digest

            assertThat(benchmark.waitFor(240, TimeUnit.SECONDS)).as("benchmark finished in time").isTrue();
        } finally {
            benchmark.destroy();
            benchmark.onExit().get(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output);
        assertThat(benchmark.exitValue()).as(printed).isEqualTo(3);
        assertThat(printed).containsPattern("safety\\s+violated").contains("committed index " + DIVERGING_INDEX);
    }

    private static List<String> lines(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.toList();
        }
    }

    /** Another hex digit in place of the one at `offset`: still a well-formed line, but a different digest. */
    private static void replaceHexDigit(Path log, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer digit = ByteBuffer.allocate(1);
            channel.read(digit, offset);
            digit.put(0, (byte) (digit.get(0) == '0' ? '1' : '0')).rewind();
            channel.write(digit, offset);
        }
    }

    private static long offsetOfLine(Path log, int index) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        long offset = 0;
        for (int line = 0; line < index; line++) {
            while (bytes[(int) offset] != '\n') {
                offset++;
            }
            offset++;
        }
        return offset;
    }
}
