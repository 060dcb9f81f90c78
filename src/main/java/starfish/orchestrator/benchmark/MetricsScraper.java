package starfish.orchestrator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import starfish.orchestrator.http.HttpExchange;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.prometheus.MetricsPageParser;
import starfish.orchestrator.prometheus.PrometheusText;

/** Fetches and parses a validator's /metrics over plain HTTP, every validator on a thread of its own. */
final class MetricsScraper {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

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

    /** The body of a 200 answer. */
    private static byte[] fetch(URI url) throws IOException {
        HttpExchange.Answer answer = HttpExchange.get(url, TIMEOUT);
        if (answer.status() != 200) {
            throw new IllegalStateException(url + " answered HTTP " + answer.status());
        }
        return answer.body();
    }
}
