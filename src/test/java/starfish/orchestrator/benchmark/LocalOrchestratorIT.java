package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.testbed.LocalTestbed;
import starfish.protocol.ByzantineStrategy;

/** The whole flow on the local testbed, against stand-in validator processes that serve real metrics over HTTP. */
class LocalOrchestratorIT {
    @TempDir
    Path dir;

    private LocalTestbed testbed;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void deployHosts() {
        testbed = new LocalTestbed(settings());
        testbed.deploy(4, Optional.empty());
    }

    @AfterEach
    void destroyHosts() {
        testbed.destroy();
    }

    private Settings settings() {
        return new SettingsLoader(Map.<String, String>of()::get).parse("working_dir: " + dir.resolve("testbed")
                + "\nresults_dir: " + dir.resolve("results") + "\nlogs_dir: " + dir.resolve("logs")
                + "\nscrape_interval: 1s\n", "test-settings.yml");
    }

    private Orchestrator orchestrator(int failingAuthority, Duration bootTimeout) {
        return new Orchestrator(settings(), testbed, RunOptions.defaults(), listener,
                new FakeProtocol(failingAuthority), bootTimeout);
    }

    @Test
    void measuresHonestValidatorsAndCollectsEverything() throws Exception {
        BenchmarkParameters parameters = BenchmarkParameters.builder().committee(4).load(400)
                .byzantine(1, ByzantineStrategy.CHAIN_BOMB).duration(Duration.ofSeconds(4)).build();

        BenchmarkOutcome outcome = orchestrator(-1, Duration.ofSeconds(30)).run(parameters);
        Summary summary = outcome.summary();

        // honest validators commit 400 tx/s; the Byzantine validator 0 claims 4000 and must not count
        assertThat(summary.tps()).isCloseTo(400, within(60.0));
        assertThat(summary.byzantineAuthorities()).containsExactly(0);
        assertThat(summary.transactionLatencyMs().p50()).isBetween(200.0, 300.0);
        assertThat(summary.safety()).isEqualTo(Safety.OK);
        assertThat(summary.live()).isTrue();
        assertThat(listener.phases).startsWith("CLEANUP started", "CLEANUP ok", "CONFIGURE started", "CONFIGURE ok",
                "BOOT started", "BOOT ok", "MEASURE started").contains("STOP ok").endsWith("CLEANUP ok");
        assertThat(listener.scrapes).hasSize(5); // at 0 s (right after boot), then every second
        assertThat(MeasurementsCollection.load(outcome.measurementsFile()).summary().tps()).isEqualTo(summary.tps());
        try (Stream<Path> logs = Files.list(outcome.logsDir())) {
            assertThat(logs.map(p -> p.getFileName().toString())).contains("node-0.log", "node-3.log",
                    "committed-1.log", "committed-3.log");
        }
        assertThat(outcome.logsDir().resolve("node-2.log")).content().contains("fake validator serving metrics");
        for (Instance host : testbed.instances()) {
            assertThat(testbed.commandRunner().isRunning(host, "node-" + host.id().substring(6))).isFalse();
        }
    }

    @Test
    void aValidatorThatNeverServesMetricsFailsTheBootNamingItAndItsLog() throws Exception {
        BenchmarkParameters parameters = BenchmarkParameters.builder().committee(4).load(100)
                .duration(Duration.ofSeconds(2)).build();

        // validator 0 is polled first, so a short boot timeout suffices
        assertThatThrownBy(() -> orchestrator(0, Duration.ofSeconds(3)).run(parameters))
                .hasMessageContaining("validator 0 did not serve").hasMessageContaining("node-0.log")
                .hasMessageContaining("fatal: cannot open key file");

        assertThat(listener.phases).contains("BOOT failed", "STOP ok");
        try (Stream<Path> runs = Files.list(dir.resolve("logs"))) {
            Path run = runs.findFirst().orElseThrow();
            assertThat(run.resolve("node-0.log")).content().contains("fatal: cannot open key file");
            assertThat(run.resolve("node-1.log")).exists();
        }
    }


    private static final class RecordingListener implements BenchmarkListener {
        final List<String> phases = new CopyOnWriteArrayList<>();
        final List<Summary> scrapes = new CopyOnWriteArrayList<>();

        @Override
        public void phaseStarted(BenchmarkPhase phase) {
            phases.add(phase + " started");
        }

        @Override
        public void phaseFinished(BenchmarkPhase phase, Optional<Throwable> failure) {
            phases.add(phase + (failure.isPresent() ? " failed" : " ok"));
        }

        @Override
        public void scraped(Duration elapsed, Summary current) {
            scrapes.add(current);
        }
    }
}
