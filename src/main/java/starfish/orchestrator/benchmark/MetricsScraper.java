package starfish.orchestrator.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import starfish.orchestrator.measurement.PrometheusText;
import starfish.orchestrator.measurement.PrometheusTextParser;
import starfish.orchestrator.measurement.ValidatorScrape;

/** Fetches and parses a validator's /metrics over HTTP. */
final class MetricsScraper {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final PrometheusTextParser parser = ValidatorScrape.parser();

    CompletableFuture<PrometheusText> scrape(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered HTTP " + response.statusCode());
            }
            return parser.parse(response.body());
        });
    }

    /** Whether `url` answers 200 now. */
    boolean answers(URI url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + url, e);
        }
    }
}
