package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Prometheus on a free port of 127.0.0.1, scraping two real HTTP endpoints shaped like validators. */
class LocalMonitoringIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HTTPServer> validators = new ArrayList<>();
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void startValidatorEndpoints() throws IOException {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
        for (int authority = 0; authority < 2; authority++) {
            PrometheusRegistry registry = new PrometheusRegistry();
            Counter.builder().name("sequenced_transactions_total").help("transactions sequenced").register(registry)
                    .inc(100 * (authority + 1));
            validators.add(HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).buildAndStart());
        }
    }

    @AfterEach
    void stopValidatorEndpoints() {
        validators.forEach(HTTPServer::close);
    }

    @Test
    void prometheusScrapesEveryValidatorAndStopsOnClose() throws Exception {
        URI prometheus;
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofMillis(500), targets(), console)) {
            prometheus = monitoring.prometheusUrl().orElseThrow();
            assertThat(prometheus.getHost()).isEqualTo("127.0.0.1");
            assertThat(consoleBytes.toString(StandardCharsets.UTF_8)).contains("Prometheus: " + prometheus);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode active = get(prometheus.resolve("/api/v1/targets")).at("/data/activeTargets");
                assertThat(active).hasSize(2);
                assertThat(active.findValuesAsText("health")).containsOnly("up");
            });
            JsonNode series = query(prometheus, "sequenced_transactions_total").at("/data/result");
            assertThat(series.findValuesAsText("job")).containsExactlyInAnyOrder("validator-0", "validator-1");
            assertThat(series.findValuesAsText("role")).containsOnly(ScrapeTarget.VALIDATOR);
        }

        assertThat(answers(prometheus.resolve("/-/ready"))).as("Prometheus still answers after close").isFalse();
    }

    @Test
    void prometheusAcceptsEveryDashboardQuery() throws Exception {
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofSeconds(1), targets(), console)) {
            URI prometheus = monitoring.prometheusUrl().orElseThrow();
            for (String expression : DashboardQueries.expressions()) {
                JsonNode answer = query(prometheus, DashboardQueries.asSent(expression));
                assertThat(answer.path("status").asText()).as(expression + " -> " + answer).isEqualTo("success");
            }
        }
    }

    @Test
    void grafanaServesTheDashboardToTheGeneratedPasswordOnly() throws Exception {
        assumeTrue(MonitoringComponent.GRAFANA.findLocally().isPresent(), MonitoringComponent.GRAFANA.missingMessage());
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofSeconds(1), targets(), console)) {
            URI grafana = monitoring.grafanaUrl().orElseThrow();
            String printed = consoleBytes.toString(StandardCharsets.UTF_8);
            String password = printed.replaceAll("(?s).*password ([A-Za-z0-9]+)\\).*", "$1");
            URI dashboard = grafana.resolve("/api/dashboards/uid/starfish-benchmark");

            assertThat(status(dashboard, "admin:" + password)).isEqualTo(200);
            assertThat(status(dashboard, "admin:admin")).isEqualTo(401);
        }
    }

    private List<ScrapeTarget> targets() {
        List<ScrapeTarget> targets = new ArrayList<>();
        for (int authority = 0; authority < validators.size(); authority++) {
            targets.add(new ScrapeTarget("validator-" + authority, ScrapeTarget.VALIDATOR, "127.0.0.1",
                    validators.get(authority).getPort()));
        }
        return targets;
    }

    private static JsonNode query(URI prometheus, String expression) throws Exception {
        return get(prometheus.resolve("/api/v1/query?query="
                + URLEncoder.encode(expression, StandardCharsets.UTF_8)));
    }

    private static JsonNode get(URI uri) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static int status(URI uri, String credentials) throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean answers(URI uri) {
        try {
            HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
