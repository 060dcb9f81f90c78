package starfish.orchestrator.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * `log_processing`: counts the ERROR lines and exception lines in the validators' downloaded logs. A stack trace
 * counts its header and each `Caused by:` line, not its `at ...` frames: one exception line per throwable.
 */
final class LogScan {
    // a level as a word of its own, as loggers print it ("[ERROR]", " ERROR ", "ERROR:"); the first one on a line is
    // its level, so that a warning quoting the word ERROR is no error
    private static final Pattern LEVEL = Pattern.compile("(?:^|[\\s\\[])(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)"
            + "(?:[\\]\\s:]|$)");
    // "Exception in thread ...", "Caused by: ...", or a qualified throwable name: "java.io.IOException: ..."
    private static final Pattern EXCEPTION = Pattern.compile("Exception in thread |^\\s*Caused by:"
            + "|\\b[a-z_$][\\w$]*(\\.[\\w$]+)*\\.[A-Z][\\w$]*(Exception|Error)(:|$)");

    private LogScan() {
    }

    /** One count per validator whose log `node-<authority>.log` is in `logsDir`; missing logs are skipped. */
    static List<LogErrorCounts> scanAll(Path logsDir, int validators) {
        return IntStream.range(0, validators)
                .filter(i -> Files.isRegularFile(logsDir.resolve(ValidatorSet.logFile(i))))
                .mapToObj(i -> scan(i, logsDir.resolve(ValidatorSet.logFile(i)))).toList();
    }

    static LogErrorCounts scan(int authority, Path logFile) {
        // a JVM killed mid-write may leave bytes that are not UTF-8; they must not stop the count
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int errors = 0;
        int exceptions = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(logFile),
                decoder))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                errors += isError(line) ? 1 : 0;
                exceptions += EXCEPTION.matcher(line).find() ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read validator log " + logFile, e);
        }
        return new LogErrorCounts(authority, logFile, errors, exceptions);
    }

    private static boolean isError(String line) {
        Matcher level = LEVEL.matcher(line);
        return level.find() && level.group(1).equals("ERROR");
    }
}
