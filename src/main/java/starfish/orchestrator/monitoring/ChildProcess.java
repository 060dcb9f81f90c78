package starfish.orchestrator.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import starfish.orchestrator.http.HttpExchange;

/**
 * A monitoring service running on this machine as a child process, its output in a log file. A shutdown hook stops
 * it should the JVM exit without closing it, so that an interrupted benchmark leaves no Prometheus behind.
 */
final class ChildProcess implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(process::destroy, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static ChildProcess start(String name, List<String> command, Path workingDir, Path logFile) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
        }
    }

    /** Waits until `url` answers 200; fails naming the log's tail when the process dies or time runs out. */
    void awaitHttpOk(URI url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it served " + url + "; its log ends with:\n" + logTail());
            }
            if (answersOk(url)) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " did not serve " + url + " within " + timeout
                + "; its log ends with:\n" + logTail());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private static boolean answersOk(URI url) {
        try {
            return HttpExchange.get(url, HEALTH_CHECK_TIMEOUT).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within ten seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting and the hook is running or done
        }
    }
}
