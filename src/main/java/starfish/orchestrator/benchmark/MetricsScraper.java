package starfish.orchestrator.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.prometheus.MetricsPageParser;
import starfish.orchestrator.prometheus.PrometheusText;

/**
 * Fetches and parses a validator's /metrics over plain HTTP, every validator on a thread of its own. It uses
 * HttpURLConnection: java.net.http's client sets up TLS when it is built, about 0.6 s of CPU at every benchmark's
 * start for a protocol validators never speak.
 */
final class MetricsScraper {
    private static final int TIMEOUT_MS = (int) Duration.ofSeconds(5).toMillis();

    private final ExecutorService fetchers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "metrics-scraper");
        thread.setDaemon(true);
        return thread;
    });
    private final MetricsPageParser parser = ValidatorScrape.parser();

    CompletableFuture<PrometheusText> scrape(URI url) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return parser.parse(fetch(url));
            } catch (IOException e) {
                throw new UncheckedIOException(url + ": " + e.getMessage(), e);
            }
        }, fetchers);
    }

    /** Whether `url` answers 200 now. */
    boolean answers(URI url) {
        try {
            fetch(url);
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** The body of a 200 answer; read to the end, so that the connection is kept for the next request. */
    private static byte[] fetch(URI url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MS);
        connection.setReadTimeout(TIMEOUT_MS);
        int status = connection.getResponseCode();
        if (status != HttpURLConnection.HTTP_OK) {
            connection.disconnect();
            throw new IllegalStateException(url + " answered HTTP " + status);
        }
        try (InputStream body = connection.getInputStream()) {
            return body.readAllBytes();
        }
    }
}
