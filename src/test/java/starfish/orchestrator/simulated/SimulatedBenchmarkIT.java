package starfish.orchestrator.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.providers.TestbedProviders;
import starfish.protocol.Consensus;

/** The simulated testbed through the same seam the CLI and the JUnit extension use. */
class SimulatedBenchmarkIT {

    @TempDir
    Path directory;

    private Settings settings(String extra) {
        return new SettingsLoader().parse("""
                cloud_provider: simulated
                uniform_latency_ms: 100
                jitter_percent: 3
                scrape_interval: 2s
                results_dir: %s
                logs_dir: %s
                %s
                """.formatted(directory.resolve("results"), directory.resolve("logs"), extra), "settings.yml");
    }

    private static BenchmarkOutcome run(Settings settings, BenchmarkParameters parameters) {
        try (TestbedProvider testbed = TestbedProviders.create(settings)) {
            return testbed.benchmarkFlow(settings, RunOptions.defaults(), new BenchmarkListener() { })
                    .run(parameters);
        }
    }

    private static BenchmarkParameters parameters(Consensus consensus) {
        return BenchmarkParameters.builder().consensus(consensus).committee(4).load(400)
                .duration(Duration.ofSeconds(10)).build();
    }

    private static String committedLog(BenchmarkOutcome outcome, int authority) throws IOException {
        return Files.readString(outcome.logsDir().resolve("committed-" + authority + ".log"));
    }

    @Test
    void oneSeedReplaysTheSameCommittedSequencesAndSummary() throws IOException {
        BenchmarkOutcome first = run(settings("simulation_seed: 5"), parameters(Consensus.STARFISH));
        BenchmarkOutcome again = run(settings("simulation_seed: 5"), parameters(Consensus.STARFISH));
        BenchmarkOutcome other = run(settings("simulation_seed: 6"), parameters(Consensus.STARFISH));

        assertThat(again.summary()).isEqualTo(first.summary());
        assertThat(committedLog(again, 0)).isEqualTo(committedLog(first, 0)).isNotEmpty();
        assertThat(committedLog(other, 0)).isNotEqualTo(committedLog(first, 0));
        assertThat(Files.readString(first.measurementsFile())).contains("\"simulation_seed\" : 5");
    }

    @Test
    void aUniformDelayGivesLatencyInVirtualTimeAndASafeLiveRun() {
        BenchmarkOutcome outcome = run(settings(""), parameters(Consensus.MYSTICETI));

        assertThat(outcome.summary().safety()).isEqualTo(Safety.OK);
        assertThat(outcome.summary().live()).isTrue();
        assertThat(outcome.summary().tps()).isGreaterThan(300);
        // mysticeti commits in about 4.5 message delays of 100 ms
        assertThat(outcome.summary().transactionLatencyMs().p50()).isBetween(350.0, 650.0);
    }

    @Test
    void crashRecoveryFaultsAreAppliedInVirtualTime() {
        Settings settings = settings("faults: {type: crash-recovery, max_faults: 1, interval: 3s}");
        BenchmarkOutcome outcome = run(settings, parameters(Consensus.MYSTICETI));

        assertThat(outcome.summary().safety()).isEqualTo(Safety.OK);
        assertThat(outcome.summary().tps()).isGreaterThan(200);
    }
}
