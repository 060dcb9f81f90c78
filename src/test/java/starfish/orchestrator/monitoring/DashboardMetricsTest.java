package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import starfish.node.metrics.JvmMetricsSelection;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.testbed.HostTraits;

/**
 * Every metric the dashboard queries must exist where it comes from: the validator's own metrics (the contract),
 * the JVM metrics the validator selects from the Prometheus Java client, and node_exporter, the latter two checked live.
 */
class DashboardMetricsTest {

    /** The validator's metrics as samples, per the validator <-> orchestrator contract. */
    static final Set<String> VALIDATOR_CONTRACT = Set.of("sequenced_transactions_total",
            "transaction_committed_latency_bucket", "transaction_committed_latency_sum",
            "transaction_committed_latency_count", "block_committed_latency_bucket", "block_committed_latency_sum",
            "block_committed_latency_count", "committed_leaders_total", "leader_timeout_total", "bytes_sent_total",
            "bytes_received_total", "benchmark_duration", "missing_blocks", "proposed_block_size_bytes",
            "committed_sequence_length", "committed_sequence_digest_info", "rejected_messages_total");

    private final Set<String> queried = DashboardQueries.metricNames();

    @Test
    void dashboardShowsWhatBenchmarksAreJudgedBy() {
        assertThat(queried).contains("sequenced_transactions_total", "transaction_committed_latency_bucket",
                "block_committed_latency_bucket", "committed_leaders_total", "bytes_sent_total",
                "bytes_received_total", "missing_blocks", "leader_timeout_total", "jvm_memory_used_bytes",
                "jvm_gc_collection_seconds_sum", "node_cpu_seconds_total", "node_memory_MemAvailable_bytes",
                "node_network_receive_bytes_total", "node_network_transmit_bytes_total");
    }

    @Test
    void everyValidatorMetricTheDashboardQueriesIsInTheContract() {
        assertThat(bySource("")).isSubsetOf(VALIDATOR_CONTRACT);
    }

    @Test
    void everyJvmMetricTheDashboardQueriesIsExposedByTheValidatorsSelection() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetricsSelection.register(registry);
        ByteArrayOutputStream exposition = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(exposition, registry.scrape());

        Set<String> exposed = ExposedMetricNames.of(exposition.toString(StandardCharsets.UTF_8));

        assertThat(bySource("jvm_")).isNotEmpty().isSubsetOf(exposed);
    }

    @Test
    void everyHostMetricTheDashboardQueriesIsExposedByNodeExporter() throws Exception {
        Path binary = MonitoringComponent.NODE_EXPORTER.findLocally().orElse(null);
        assumeTrue(binary != null, MonitoringComponent.NODE_EXPORTER.missingMessage());
        int port = PortAllocator.basePort(HostTraits.LOOPBACK, 1);
        Process exporter = new ProcessBuilder(binary.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            AtomicReference<String> exposition = new AtomicReference<>();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                exposition.set(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
                return true;
            });

            assertThat(bySource("node_")).isNotEmpty().isSubsetOf(ExposedMetricNames.of(exposition.get()));
        } finally {
            exporter.destroy();
        }
    }

    /** Queried names by where they come from: `jvm_`, `node_`, or "" for the validator's own. */
    private Set<String> bySource(String prefix) {
        return queried.stream()
                .filter(name -> prefix.isEmpty()
                        ? !name.startsWith("jvm_") && !name.startsWith("node_") && !name.startsWith("process_")
                        : name.startsWith(prefix))
                .collect(Collectors.toSet());
    }
}
