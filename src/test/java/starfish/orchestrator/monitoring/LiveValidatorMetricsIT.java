package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.validator.MetricsQuery;
import starfish.orchestrator.validator.StarfishProtocol;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.validator.ValidatorLaunch;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;
import starfish.protocol.ValidatorMetric;

/**
 * A real validator (the `node` CLI in a child JVM, started the way the orchestrator starts it) must expose what the
 * dashboard queries, in text that promtool accepts, and answer the orchestrator's request for its own metrics only.
 */
class LiveValidatorMetricsIT {
    @TempDir
    static Path workingDir;
    private static String exposition;
    /** The page the orchestrator asks for, right after `exposition`. */
    private static String protocolMetricsPage;

    @BeforeAll
    static void scrapeALiveValidator() throws Exception {
        Instance host = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);
        StarfishProtocol protocol = StarfishProtocol.on(HostTraits.LOOPBACK);
        int basePort = twoFreePorts();
        URI metrics = URI.create("http://127.0.0.1:" + protocol.metricsPort(0, 1, basePort) + "/metrics");
        try (LocalRunner runner = new LocalRunner(instance -> workingDir)) {
            runner.execute(host, protocol.genesisCommand(List.of("127.0.0.1"), basePort));
            runner.startDetached(host, "node-0", protocol.runCommand(new ValidatorLaunch(0, 1, Consensus.MYSTICETI,
                    ByzantineStrategy.HONEST, 200, false, Optional.empty())), "node-0.log");
            AtomicReference<String> scraped = new AtomicReference<>("");
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        scraped.set(http.send(HttpRequest.newBuilder(metrics).build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                        return scraped.get().contains("committed_leaders_total{");
                    });
            exposition = scraped.get();
            URI protocolMetrics = URI.create(metrics + MetricsQuery.of(ValidatorMetric.names()));
            protocolMetricsPage = http.send(HttpRequest.newBuilder(protocolMetrics).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void exposedMetricsPassPromtool() throws Exception {
        Promtool.Result result = Promtool.run(List.of("check", "metrics"), exposition);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void everyValidatorMetricTheDashboardQueriesIsExposed() {
        Set<String> validatorNames = DashboardQueries.metricNames().stream()
                .filter(name -> !name.startsWith("node_"))
                .collect(Collectors.toSet());

        assertThat(validatorNames).isNotEmpty().isSubsetOf(ExposedMetricNames.of(exposition));
    }

    @Test
    void theOrchestratorsRequestGetsEveryProtocolMetricOfTheFullPageAndNoJvmMetric() {
        Set<String> full = ExposedMetricNames.of(exposition);
        assertThat(full).anyMatch(name -> name.startsWith("jvm_"));

        assertThat(ExposedMetricNames.of(protocolMetricsPage))
                .containsAll(full.stream().filter(ValidatorScrape::isProtocolMetric).toList())
                .allMatch(ValidatorScrape::isProtocolMetric);
    }

    /** A base port P with P (consensus) and P + 1 (metrics) free on loopback. */
    private static int twoFreePorts() {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 2);
    }
}
