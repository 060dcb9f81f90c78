package starfish.junit.allure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailsTest {
    @TempDir
    Path logs;

    @Test
    void keepsTheLastLinesOfEachValidatorLogOfThisRun() throws IOException {
        Instant runStart = Instant.now();
        Path run = Files.createDirectories(logs.resolve("20261125-run"));
        Files.writeString(run.resolve("node-0.log"), lines(1, 500));
        Files.writeString(run.resolve("node-1.log"), "only line\n");
        Files.writeString(run.resolve("committed-0.log"), "not a validator log\n");
        Path earlier = Files.writeString(Files.createDirectories(logs.resolve("earlier")).resolve("node-0.log"), "old");
        Files.setLastModifiedTime(earlier, FileTime.from(runStart.minusSeconds(3600)));

        var tails = LogTails.of(logs, runStart, 3);

        assertThat(tails).extracting(t -> logs.relativize(t.file()).toString())
                .containsExactly("20261125-run/node-0.log", "20261125-run/node-1.log");
        assertThat(tails.get(0).text()).isEqualTo("line 498\nline 499\nline 500");
        assertThat(tails.get(1).text()).isEqualTo("only line");
    }

    @Test
    void readsOnlyTheEndOfAHugeLogAndDropsItsCutFirstLine() throws IOException {
        Path log = logs.resolve("node-3.log");
        Files.writeString(log, lines(1, 20_000));

        String tail = LogTails.lastLines(log, 100_000);

        assertThat(tail).endsWith("line 20000").doesNotContain("line 1\n");
        assertThat(tail.lines().findFirst().orElseThrow()).matches("line \\d+");
        assertThat(tail.length()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void findsNothingInAMissingDirectory() {
        assertThat(LogTails.of(logs.resolve("absent"), Instant.now(), 10)).isEmpty();
    }

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n"));
    }
}
