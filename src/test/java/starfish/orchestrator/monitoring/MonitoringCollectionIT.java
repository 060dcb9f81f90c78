package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.testbed.HostTraits;

/**
 * Collecting a testbed's Prometheus data, end to end with real programs: a real Prometheus scrapes validator-like
 * endpoints on a virtual host of 127.0.0.1 (the remote flow through the LocalRunner), the collector snapshots it
 * through the admin API and downloads it, and a second real Prometheus opened on the copy with the documented
 * command line still answers for the series that were scraped.
 */
class MonitoringCollectionIT {
    private static final Instant COLLECTED_AT = Instant.parse("2026-12-07T06:00:00Z");
    private final Instance host = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);
    private final List<String> printed = new ArrayList<>();

    @TempDir
    Path workingDir;
    @TempDir
    Path results;

    @BeforeEach
    void needsPrometheus() {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
    }

    @Test
    void aSnapshotOfTheRunningPrometheusOpensInASecondPrometheusWithTheScrapedSeries() throws Exception {
        int port = freePort();
        CollectedMonitoring collected;
        try (MetricsEndpoints validators = new MetricsEndpoints(2);
             LocalRunner runner = new LocalRunner(instance -> workingDir);
             MonitoringHandle monitoring = RemoteMonitoring.start(runner, plan(port), printed::add)) {
            monitoring.scrape(validators.targets());
            PrometheusApi live = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(live.query("sequenced_transactions_total").at("/data/result").size()).isEqualTo(2));

            collected = collector().collect("tb", new SnapshotSource(runner, host, port));

            assertThat(live.answers()).as("the benchmark's Prometheus keeps running").isTrue();
        }

        assertCompleteCopy(collected);
        assertThat(printed).anyMatch(line -> line.startsWith("  downloaded ") && line.endsWith("(100%)"));
        assertOpensWithTheSeries(collected);
    }

    @Test
    void aStoppedPrometheusIsServedByATemporaryOneForTheSnapshotAndStoppedAgain() throws Exception {
        int port = freePort();
        try (LocalRunner runner = new LocalRunner(instance -> workingDir)) {
            try (MetricsEndpoints validators = new MetricsEndpoints(1);
                 MonitoringHandle monitoring = RemoteMonitoring.start(runner, plan(port), printed::add)) {
                monitoring.scrape(validators.targets());
                PrometheusApi live = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                        assertThat(live.query("sequenced_transactions_total").at("/data/result")).isNotEmpty());
            }

            CollectedMonitoring collected = collector().collect("tb", new SnapshotSource(runner, host, port));

            assertCompleteCopy(collected);
            assertThat(new PrometheusApi(URI.create("http://127.0.0.1:" + port)).answers())
                    .as("the temporary Prometheus is stopped").isFalse();
            assertOpensWithTheSeries(collected);
        }
    }

    @Test
    void aHostWithoutPrometheusDataIsAClearErrorAndLeavesNothingBehind() {
        try (LocalRunner runner = new LocalRunner(instance -> workingDir)) {
            assertThatThrownBy(() -> collector().collect("tb", new SnapshotSource(runner, host, 9090)))
                    .isInstanceOf(MonitoringCollectionException.class)
                    .hasMessageContaining("local-0 (127.0.0.1) has no Prometheus data")
                    .hasMessageContaining("benchmark --monitoring");
        }
        assertThat(results).isEmptyDirectory();
    }

    @Test
    void aDamagedDownloadIsKeptMarkedIncompleteAndNeverUnderTheFinalName() throws Exception {
        int port = freePort();
        try (MetricsEndpoints validators = new MetricsEndpoints(1);
             LocalRunner runner = new LocalRunner(instance -> workingDir);
             MonitoringHandle monitoring = RemoteMonitoring.start(runner, plan(port), printed::add);
             TruncatingDownloads damaged = new TruncatingDownloads(runner)) {
            monitoring.scrape(validators.targets());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(new PrometheusApi(monitoring.prometheusUrl().orElseThrow())
                            .query("sequenced_transactions_total").at("/data/result")).isNotEmpty());

            assertThatThrownBy(() -> collector().collect("tb", new SnapshotSource(damaged, host, port)))
                    .isInstanceOf(MonitoringCollectionException.class)
                    .hasMessageContaining("the download has")
                    .hasMessageContaining("marked incomplete, in " + results.resolve("monitoring/tb/20261207-060000.partial"));
        }
        Path partial = results.resolve("monitoring/tb/20261207-060000.partial");
        assertThat(partial.resolve(SnapshotReadme.INCOMPLETE)).content().contains("the download has");
        assertThat(results.resolve("monitoring/tb/20261207-060000")).doesNotExist();
        try (Stream<Path> left = Files.list(workingDir.resolve("monitoring"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tar.gz"));
        }
    }

    private RemoteMonitoring.Plan plan(int prometheusPort) {
        return new RemoteMonitoring.Plan(host, List.of(host),
                new ServiceEndpoints("127.0.0.1", prometheusPort, freePort(), freePort()),
                Duration.ofMillis(500), false, false);
    }

    private MonitoringCollector collector() {
        return new MonitoringCollector(results, Clock.fixed(COLLECTED_AT, ZoneOffset.UTC), printed::add);
    }

    private void assertCompleteCopy(CollectedMonitoring collected) {
        assertThat(collected.directory()).isEqualTo(results.resolve("monitoring/tb/20261207-060000"));
        assertThat(collected.snapshot()).isDirectory();
        assertThat(collected.files()).isPositive();
        assertThat(collected.span()).isPresent();
        assertThat(collected.directory().resolve(SnapshotReadme.FILE)).content()
                .contains("testbed `tb`", "--storage.tsdb.path=./snapshot", "--storage.tsdb.retention.time=100y")
                .doesNotContain("--web.enable-admin-api");
        assertThat(collected.directory().resolve("collection.json")).content().contains("\"testbed_id\" : \"tb\"");
        assertThat(collected.directory().resolve("snapshot.tar.gz")).doesNotExist();
        assertThat(results.resolve("monitoring/tb/20261207-060000.partial")).doesNotExist();
    }

    /** Opens the copy with the documented command line (the installed binary in place of `prometheus`). */
    private void assertOpensWithTheSeries(CollectedMonitoring collected) throws Exception {
        int port = freePort();
        String binary = MonitoringComponent.PROMETHEUS.findLocally().orElseThrow().toString();
        List<String> command = ServiceCommandLines.prometheusOverData(binary,
                collected.directory().resolve(CollectedMonitoring.CONFIG).toString(),
                collected.snapshot().toString(), "127.0.0.1:" + port);
        assertThat(collected.openCommand("127.0.0.1:" + port))
                .isEqualTo("prometheus " + String.join(" ", command.subList(1, command.size())));
        try (ChildProcess opened = ChildProcess.start("prometheus", command, collected.directory(),
                collected.directory().resolve("open.log"))) {
            URI url = URI.create("http://127.0.0.1:" + port);
            opened.awaitHttpOk(url.resolve("/-/ready"), Duration.ofSeconds(30));
            JsonNode result = new PrometheusApi(url)
                    .queryAt("sequenced_transactions_total", collected.span().orElseThrow().to())
                    .at("/data/result");
            assertThat(result).isNotEmpty();
            assertThat(result.findValuesAsText("job")).contains("validator-0");
        }
    }

    /** A port below the ephemeral range, which no outgoing connection takes meanwhile. */
    private static int freePort() {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 1);
    }
}
