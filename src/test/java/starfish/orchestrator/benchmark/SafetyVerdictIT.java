package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.testbed.LocalTestbed;

/**
 * The safety verdict in the real flow on the local testbed: stand-in validators, one of them given a test-only
 * fault, their committed logs collected and compared, the verdict saved with the measurements.
 */
class SafetyVerdictIT {
    @TempDir
    Path dir;

    private Settings settings;
    private LocalTestbed testbed;

    @BeforeEach
    void deployHosts() {
        settings = new SettingsLoader(Map.<String, String>of()::get).parse("working_dir: " + dir.resolve("testbed")
                + "\nresults_dir: " + dir.resolve("results") + "\nlogs_dir: " + dir.resolve("logs")
                + "\nscrape_interval: 1s\n", "test-settings.yml");
        testbed = new LocalTestbed(settings);
        testbed.deploy(4, Optional.empty());
    }

    @AfterEach
    void destroyHosts() {
        testbed.destroy();
    }

    private BenchmarkOutcome run(int faultyAuthority, String fault) {
        Orchestrator orchestrator = new Orchestrator(settings, testbed, RunOptions.defaults(),
                new BenchmarkListener() { }, new FakeProtocol(-1, faultyAuthority, fault), Duration.ofSeconds(30));
        return orchestrator.run(BenchmarkParameters.builder().committee(4).load(400).duration(Duration.ofSeconds(3))
                .build());
    }

    @Test
    void aDivergingValidatorIsReportedWithTheFirstDivergingIndex() {
        BenchmarkOutcome outcome = run(2, "diverge-from-5");

        Summary summary = outcome.summary();
        assertThat(summary.safety()).isEqualTo(Safety.VIOLATED);
        // the other validator named is whichever honest one has the longest log
        assertThat(summary.safetyDetail())
                .containsPattern("validators ([013] and 2|2 and [013]) diverge at committed index 5: ")
                .contains("dd5").contains("ee5");
        assertThat(MeasurementsCollection.load(outcome.measurementsFile()).summary().safety())
                .isEqualTo(Safety.VIOLATED);
    }

    @Test
    void aMissingCommittedLogMakesTheVerdictUnknown() {
        BenchmarkOutcome outcome = run(1, "no-log");

        assertThat(outcome.summary().safety()).isEqualTo(Safety.UNKNOWN);
        assertThat(outcome.summary().safetyDetail()).contains("validator 1's committed log was not collected");
        assertThat(MeasurementsCollection.load(outcome.measurementsFile()).summary().safety())
                .isEqualTo(Safety.UNKNOWN);
    }
}
