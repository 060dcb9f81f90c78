package starfish.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static starfish.protocol.Consensus.MYSTICETI;

import java.util.List;
import org.opentest4j.AssertionFailedError;
import starfish.junit.BenchmarkAssertions;
import starfish.junit.BenchmarkResult;
import starfish.junit.BenchmarkTest;
import starfish.junit.GeoBenchmark;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.ValidatorScrape;

/**
 * Crash faults from the settings file: one validator of four is killed and restarted every 6 s, with the default
 * history depth. The committee must keep committing, the restarted validator must commit past where it was when
 * it was killed, and its committed sequence must agree with the others'.
 */
@GeoBenchmark(settings = "benchmarks/settings/crash-recovery.yml")
class CrashRecoveryBenchmark {
    private static final String LENGTH = "committed_sequence_length";

    @BenchmarkTest(consensus = {MYSTICETI}, committee = 4, loads = 200, duration = "30s")
    void crashAndRecoverOneOfFour(BenchmarkResult result) {
        BenchmarkAssertions.assertThat(result).isSafe().isLive();
        MeasurementsCollection measurements = MeasurementsCollection.load(result.measurementsFile());
        List<FaultEvent> events = measurements.faultEvents();
        FaultEvent crash = events.stream().filter(e -> e.kind() == FaultEvent.Kind.CRASHED).findFirst()
                .orElseThrow(() -> new AssertionFailedError("no validator was crashed: " + events));
        FaultEvent restart = events.stream().filter(e -> e.kind() == FaultEvent.Kind.RESTARTED).findFirst()
                .orElseThrow(() -> new AssertionFailedError("no validator was restarted within the run: " + events));
        List<ValidatorScrape> scrapes = measurements.scrapes().get(restart.authority());
        double beforeCrash = scrapes.stream().filter(s -> s.elapsedSeconds() <= crash.elapsedSeconds())
                .mapToDouble(s -> s.value(LENGTH)).max().orElse(0);
        double afterRestart = scrapes.stream().filter(s -> s.elapsedSeconds() > restart.elapsedSeconds())
                .mapToDouble(s -> s.value(LENGTH)).max().orElse(0);
        assertThat(afterRestart).as("validator %d's committed sequence after its restart at %.1f s, beyond the %.0f"
                + " leaders it had committed when it was killed", restart.authority(), restart.elapsedSeconds(),
                beforeCrash).isGreaterThan(beforeCrash);
    }
}
