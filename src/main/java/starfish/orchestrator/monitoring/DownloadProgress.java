package starfish.orchestrator.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Prints how much of a download has arrived, every `period` while it grows, by watching the local file: the runners
 * copy into it as bytes come, whichever way they reach the host.
 */
final class DownloadProgress implements AutoCloseable {
    private final Path file;
    private final long total;
    private final Consumer<String> console;
    private final ScheduledExecutorService ticker;
    private long lastPrinted = -1;

    private DownloadProgress(Path file, long total, Consumer<String> console, long periodMillis) {
        this.file = file;
        this.total = total;
        this.console = console;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "download-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::printIfGrown, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts watching `file`, which is to reach `total` bytes; prints the first line at once. */
    static DownloadProgress watch(Path file, long total, Consumer<String> console, long periodMillis) {
        DownloadProgress progress = new DownloadProgress(file, total, console, periodMillis);
        progress.print(0);
        return progress;
    }

    private synchronized void printIfGrown() {
        long size = sizeOf(file);
        if (size != lastPrinted) {
            print(size);
        }
    }

    private synchronized void print(long size) {
        lastPrinted = size;
        long percent = total == 0 ? 100 : Math.min(100, size * 100 / total);
        console.accept("  downloaded " + ByteCount.format(size) + " of " + ByteCount.format(total)
                + " (" + percent + "%)");
    }

    /** Stops watching and prints where the download ended. */
    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        printIfGrown();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
