package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real Prometheus on a free port of 127.0.0.1, scraping real HTTP endpoints shaped like validators. */
class LocalMonitoringIT {
        private final StringBuilder printed = new StringBuilder();
    private final Consumer<String> console = line -> printed.append(line).append('\n');
    private MetricsEndpoints validators;

    @BeforeEach
    void startValidatorEndpoints() throws Exception {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
        validators = new MetricsEndpoints(2);
    }

    @AfterEach
    void stopValidatorEndpoints() {
        if (validators != null) {
            validators.close();
        }
    }

    @Test
    void prometheusScrapesEveryValidatorAndStopsOnClose() throws Exception {
        PrometheusApi prometheus;
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofMillis(500), console)) {
            URI url = monitoring.prometheusUrl().orElseThrow();
            prometheus = new PrometheusApi(url);
            monitoring.scrape(validators.targets());

            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(printed.toString()).contains("Prometheus: " + url);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode active = prometheus.activeTargets();
                assertThat(active).hasSize(2);
                assertThat(active.findValuesAsText("health")).containsOnly("up");
            });
            JsonNode series = prometheus.query("sequenced_transactions_total").at("/data/result");
            assertThat(series.findValuesAsText("job")).containsExactlyInAnyOrder("validator-0", "validator-1");
            assertThat(series.findValuesAsText("role")).containsOnly(ScrapeTarget.VALIDATOR);
        }

        assertThat(prometheus.answers()).as("Prometheus still answers after close").isFalse();
    }

    @Test
    void aNewRunReplacesThePreviousRunsValidatorsOnTheSameUrl() throws Exception {
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofMillis(500), console)) {
            URI url = monitoring.prometheusUrl().orElseThrow();
            monitoring.scrape(validators.targets().subList(0, 1));
            monitoring.scrape(validators.targets().subList(1, 2));

            assertThat(monitoring.prometheusUrl()).contains(url);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode active = new PrometheusApi(url).activeTargets();
                assertThat(new PrometheusApi(url).activeJobs()).containsExactly("validator-1");
                assertThat(active.findValuesAsText("health")).containsOnly("up");
            });
        }
    }

    @Test
    void prometheusAcceptsEveryDashboardQuery() throws Exception {
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofSeconds(1), console)) {
            PrometheusApi prometheus = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
            for (String expression : DashboardQueries.expressions()) {
                JsonNode answer = prometheus.query(DashboardQueries.asSent(expression));
                assertThat(answer.path("status").asText()).as(expression + " -> " + answer).isEqualTo("success");
            }
        }
    }

    @Test
    void grafanaServesTheDashboardToTheGeneratedPasswordOnly() throws Exception {
        assumeTrue(MonitoringComponent.GRAFANA.findLocally().isPresent(), MonitoringComponent.GRAFANA.missingMessage());
        try (MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofSeconds(1), console)) {
            URI dashboard = monitoring.grafanaUrl().orElseThrow().resolve("/api/dashboards/uid/starfish-benchmark");
            String password = printed.toString().replaceAll("(?s).*password ([A-Za-z0-9]+)\\).*", "$1");

            assertThat(status(dashboard, "admin:" + password)).isEqualTo(200);
            assertThat(status(dashboard, "admin:admin")).isEqualTo(401);
        }
    }

    private static int status(URI uri, String credentials) throws Exception {
        String basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
