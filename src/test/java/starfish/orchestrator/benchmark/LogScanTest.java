package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogScanTest {
    @TempDir
    Path logs;

    @Test
    void countsErrorLinesAndOneExceptionLinePerThrowablePerValidator() throws Exception {
        Files.writeString(logs.resolve("node-0.log"), """
                12:00:00.001 [INFO] Validator - validator 0 listening on 198.18.1.1:26004
                12:00:01.002 [WARN] Metrics - no ERROR here: scrape took 2 s
                12:00:02.003 [INFO] Core - committed leader of round 12
                """);
        Files.writeString(logs.resolve("node-1.log"), """
                12:00:00.001 [INFO] Validator - validator 1 listening on 198.18.1.2:26005
                12:00:03.004 [ERROR] Network - peer 2 unreachable
                java.net.ConnectException: Connection refused
                \tat java.base/sun.nio.ch.Net.connect0(Native Method)
                Caused by: java.io.IOException: broken pipe
                \t... 4 more
                12:00:04.005 [ERROR] Storage - fsync failed
                Exception in thread "main" java.lang.OutOfMemoryError: Java heap space
                12:00:05.006 [INFO] Core - ERRORS_TOTAL metric is 0, NO_ERROR
                """);

        var counts = LogScan.scanAll(logs, 3);

        assertThat(counts).containsExactly(
                new LogErrorCounts(0, logs.resolve("node-0.log"), 0, 0),
                new LogErrorCounts(1, logs.resolve("node-1.log"), 2, 3));
        assertThat(counts.get(0).any()).isFalse();
        assertThat(counts.get(1).any()).isTrue();
    }

    @Test
    void bytesThatAreNotUtf8DoNotStopTheCount() throws Exception {
        Path log = logs.resolve("node-0.log");
        Files.write(log, new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
        Files.writeString(log, "12:00:00.001 [ERROR] Core - crashed\n", StandardOpenOption.APPEND);

        assertThat(LogScan.scan(0, log).errorLines()).isEqualTo(1);
    }
}
