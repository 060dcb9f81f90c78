package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.testbed.HostTraits;

/**
 * The remote flow (files uploaded, processes detached, all through a CommandRunner) driven through the real
 * LocalRunner on one virtual host of 127.0.0.1: node_exporter and Prometheus really run, on free ports.
 */
class RemoteMonitoringIT {
    private final Instance host = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);

    @Test
    void prometheusOnTheMonitoringHostScrapesValidatorsAndNodeExporter(@TempDir Path workingDir) throws Exception {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
        assumeTrue(MonitoringComponent.NODE_EXPORTER.findLocally().isPresent(),
                MonitoringComponent.NODE_EXPORTER.missingMessage());
        ServiceEndpoints endpoints = new ServiceEndpoints("127.0.0.1", freePort(), freePort(), freePort());
        RemoteMonitoring.Plan plan = new RemoteMonitoring.Plan(host, List.of(host), endpoints,
                Duration.ofMillis(500), false, false);
        StringBuilder printed = new StringBuilder();
        PrometheusApi prometheus;

        try (MetricsEndpoints validators = new MetricsEndpoints(2);
             LocalRunner runner = new LocalRunner(instance -> workingDir);
             MonitoringHandle monitoring = RemoteMonitoring.start(runner, plan,
                     line -> printed.append(line).append('\n'))) {
            prometheus = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
            monitoring.scrape(validators.targets());

            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                JsonNode active = prometheus.activeTargets();
                assertThat(prometheus.activeJobs())
                        .containsExactlyInAnyOrder("validator-0", "validator-1", "node-local-0");
                assertThat(active.findValuesAsText("health")).containsOnly("up");
            });
            assertThat(prometheus.query("node_cpu_seconds_total").at("/data/result")).isNotEmpty();
            assertThat(Files.readString(workingDir.resolve("monitoring/prometheus.yml"))).contains("node-local-0");
            assertThat(printed.toString())
                    .contains("Prometheus: http://127.0.0.1:" + endpoints.prometheusPort());
            if (MonitoringComponent.GRAFANA.findLocally().isEmpty()) {
                assertThat(printed.toString()).contains("On local-0: " + MonitoringComponent.GRAFANA.missingMessage());
            }
        }

        assertThat(prometheus.answers()).as("Prometheus still answers after close").isFalse();
    }

    private static int freePort() {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 1);
    }
}
