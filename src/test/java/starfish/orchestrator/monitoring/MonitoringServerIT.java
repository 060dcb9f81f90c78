package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.settings.MonitoringServer;

/**
 * Monitoring on a `monitoring_server` host, reached through a runner of its own: a real Prometheus runs there (its
 * files on the server, none on the testbed's host), scrapes the testbed's validators, and its data is collected
 * from the server. Both hosts are virtual hosts of 127.0.0.1, each with its own working directory.
 */
class MonitoringServerIT {
    private final Instance testbedHost = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1",
            InstanceStatus.ACTIVE);
    private final Instance server = MonitoringServerAccess.instance(new MonitoringServer(Optional.empty(),
            "127.0.0.1"));

    @Test
    void prometheusRunsOnTheServerAndItsDataIsCollectedFromThere(@TempDir Path testbedDir, @TempDir Path serverDir,
                                                                   @TempDir Path results) throws Exception {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
        int port = freePort();
        RemoteMonitoring.Plan plan = new RemoteMonitoring.Plan(server, List.of(testbedHost),
                new ServiceEndpoints("127.0.0.1", port, freePort(), freePort()), Duration.ofMillis(500), false, false);
        List<String> printed = new ArrayList<>();

        try (MetricsEndpoints validators = new MetricsEndpoints(1);
             LocalRunner testbed = new LocalRunner(instance -> testbedDir);
             MonitoringServerRunner runner = new MonitoringServerRunner(testbed, server,
                     new LocalRunner(instance -> serverDir));
             MonitoringHandle monitoring = RemoteMonitoring.start(runner, plan, printed::add)) {
            monitoring.scrape(validators.targets());
            PrometheusApi prometheus = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(prometheus.query("sequenced_transactions_total").at("/data/result")).isNotEmpty());

            assertThat(serverDir.resolve(RemoteMonitoring.DATA_DIR)).isDirectory();
            assertThat(testbedDir.resolve(RemoteMonitoring.DATA_DIR)).doesNotExist();
            assertThat(printed).contains("Prometheus: http://127.0.0.1:" + port);

            CollectedMonitoring collected = new MonitoringCollector(results, Clock.systemUTC(), printed::add)
                    .collect("tb", new SnapshotSource(runner, server, port));

            assertThat(collected.files()).isPositive();
            assertThat(printed).contains("Taking a snapshot of Prometheus on monitoring-server (127.0.0.1)");
        }
    }

    /** A port below the ephemeral range, which no outgoing connection takes meanwhile. */
    private static int freePort() {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 1);
    }
}
