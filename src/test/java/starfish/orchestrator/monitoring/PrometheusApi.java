package starfish.orchestrator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of Prometheus's HTTP API the tests read: targets and instant queries. */
final class PrometheusApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    PrometheusApi(URI base) {
        this.base = base;
    }

    JsonNode activeTargets() throws IOException, InterruptedException {
        return get("/api/v1/targets").at("/data/activeTargets");
    }

    /** The job label of every active target, once each. */
    List<String> activeJobs() throws IOException, InterruptedException {
        List<String> jobs = new ArrayList<>();
        activeTargets().forEach(target -> jobs.add(target.at("/labels/job").asText()));
        return jobs;
    }

    JsonNode query(String expression) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
    }

    /** An instant query evaluated at `time` (data collected earlier is read at the time it was scraped). */
    JsonNode queryAt(String expression, Instant time) throws IOException, InterruptedException {
        return get("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)
                + "&time=" + time.getEpochSecond() + "." + String.format("%03d", time.getNano() / 1_000_000));
    }

    boolean answers() {
        try {
            HTTP.send(HttpRequest.newBuilder(base.resolve("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }
}
