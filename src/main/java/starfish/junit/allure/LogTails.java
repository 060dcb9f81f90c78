package starfish.junit.allure;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last lines of the validator logs (`node-<i>.log`) below a directory that were written since a run started:
 * what explains a failed run.
 */
final class LogTails {
    private static final Pattern NODE_LOG = Pattern.compile("node-\\d+\\.log");
    private static final int MAX_BYTES = 64 * 1024;
    private static final int SEARCH_DEPTH = 3;

    record Tail(Path file, String text) {
    }

    private LogTails() {
    }

    static List<Tail> of(Path directory, Instant since, int lines) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory, SEARCH_DEPTH)) {
            return files.filter(f -> NODE_LOG.matcher(f.getFileName().toString()).matches())
                    .filter(f -> modifiedSince(f, since)).sorted()
                    .map(f -> new Tail(f, lastLines(f, lines))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list validator logs in " + directory, e);
        }
    }

    private static boolean modifiedSince(Path file, Instant since) {
        try {
            return !Files.getLastModifiedTime(file).toInstant().isBefore(since.truncatedTo(ChronoUnit.SECONDS));
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads at most the last 64 KiB, so that a huge log costs no more than a small one. */
    static String lastLines(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            int end = all.length > 0 && all[all.length - 1].isEmpty() ? all.length - 1 : all.length;
            int from = Math.max(start > 0 ? 1 : 0, end - lines);
            return String.join("\n", Arrays.copyOfRange(all, Math.min(from, end), end));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
