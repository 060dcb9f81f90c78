package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.testbed.LocalTestbed;

/** Crash faults in the real flow on the local testbed, against stand-in validator processes. */
class CrashFaultsIT {
    @TempDir
    Path dir;

    private LocalTestbed testbed;

    @BeforeEach
    void deployHosts() {
        testbed = new LocalTestbed(settings(""));
        testbed.deploy(4, Optional.empty());
    }

    @AfterEach
    void destroyHosts() {
        testbed.destroy();
    }

    private Settings settings(String faults) {
        return new SettingsLoader(Map.<String, String>of()::get).parse("working_dir: " + dir.resolve("testbed")
                + "\nresults_dir: " + dir.resolve("results") + "\nlogs_dir: " + dir.resolve("logs")
                + "\nscrape_interval: 1s\n" + faults, "test-settings.yml");
    }

    private MeasurementsCollection run(String faults, Duration duration) {
        Orchestrator orchestrator = new Orchestrator(settings(faults), testbed, RunOptions.defaults(),
                new BenchmarkListener() { }, new FakeProtocol(-1), Duration.ofSeconds(30));
        BenchmarkOutcome outcome = orchestrator.run(BenchmarkParameters.builder().committee(4).load(400)
                .duration(duration).build());
        assertThat(outcome.summary().safety()).isEqualTo(Safety.OK);
        assertThat(outcome.summary().live()).as("live").isTrue();
        return MeasurementsCollection.load(outcome.measurementsFile());
    }

    @Test
    void aPermanentlyCrashedValidatorIsNeverScrapedAndDoesNotCountAgainstLiveness() {
        MeasurementsCollection measurements = run("faults: {type: permanent, faults: 1}\n", Duration.ofSeconds(3));

        assertThat(measurements.faultEvents()).extracting(FaultEvent::authority, FaultEvent::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, FaultEvent.Kind.CRASHED));
        assertThat(measurements.scrapes()).containsKeys(0, 1, 2).doesNotContainKey(3);
    }

    @Test
    void crashRecoveryStopsThenRestartsTheHighestHonestValidator() {
        MeasurementsCollection measurements = run("faults: {type: crash-recovery, max_faults: 1, interval: 2s}\n",
                Duration.ofSeconds(7));

        List<FaultEvent> events = measurements.faultEvents();
        assertThat(events).extracting(FaultEvent::authority, FaultEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, FaultEvent.Kind.CRASHED),
                org.assertj.core.groups.Tuple.tuple(3, FaultEvent.Kind.RESTARTED),
                org.assertj.core.groups.Tuple.tuple(3, FaultEvent.Kind.CRASHED));
        double crashed = events.get(0).elapsedSeconds();
        double restarted = events.get(1).elapsedSeconds();
        List<Double> times = measurements.scrapes().get(3).stream().map(ValidatorScrape::elapsedSeconds).toList();
        assertThat(times).as("validator 3 is not scraped while down").noneMatch(t -> t > crashed && t < restarted);
        assertThat(times).as("validator 3 is scraped again after its restart").anyMatch(t -> t > restarted);
        assertThat(measurements.scrapes().get(2)).hasSizeGreaterThanOrEqualTo(6);
    }
}
