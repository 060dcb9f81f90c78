package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
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

    private Orchestrator orchestrator(String faults) {
        return new Orchestrator(settings(faults), testbed, RunOptions.defaults(), new BenchmarkListener() { },
                new FakeProtocol(-1), Duration.ofSeconds(30));
    }

    private static BenchmarkParameters parameters(Duration duration) {
        return BenchmarkParameters.builder().committee(4).load(400).duration(duration).build();
    }

    private static MeasurementsCollection checked(BenchmarkOutcome outcome) {
        assertThat(outcome.summary().safety()).isEqualTo(Safety.OK);
        assertThat(outcome.summary().live()).as("live").isTrue();
        return MeasurementsCollection.load(outcome.measurementsFile());
    }

    @Test
    void aPermanentlyCrashedValidatorIsNeverScrapedAndDoesNotCountAgainstLiveness() {
        MeasurementsCollection measurements = checked(orchestrator("faults: {type: permanent, faults: 1}\n")
                .run(parameters(Duration.ofSeconds(3))));

        assertThat(measurements.faultEvents()).extracting(FaultEvent::authority, FaultEvent::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, FaultEvent.Kind.CRASHED));
        assertThat(measurements.scrapes()).containsKeys(0, 1, 2).doesNotContainKey(3);
    }

    /**
     * Runs until validator 3 was scraped after a restart and is down again: on a busy machine a restarted stand-in's
     * JVM may take seconds to answer, so the run goes on (a crash, and a restart 4 s later, every 8 s) until that
     * happened, within a bound. It ends while validator 3 is down, so liveness is judged on the three others at the
     * end, as with any validator a crash fault stopped.
     */
    @Test
    void crashRecoveryStopsThenRestartsTheHighestHonestValidator() throws Exception {
        RunStop stop = new RunStop();
        CompletableFuture<BenchmarkOutcome> run = CompletableFuture.supplyAsync(() ->
                orchestrator("faults: {type: crash-recovery, max_faults: 1, interval: 4s}\n").stoppedBy(stop)
                        .run(parameters(Duration.ZERO)));
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> run.isDone() || measurementsSoFar().map(m -> scrapedAfterARestart(m, 3)
                            && m.faultEvents().get(m.faultEvents().size() - 1).kind() == FaultEvent.Kind.CRASHED)
                            .orElse(false));
        } finally {
            stop.request();
        }
        MeasurementsCollection measurements = checked(run.get(60, TimeUnit.SECONDS));

        List<FaultEvent> events = measurements.faultEvents();
        assertThat(events).extracting(FaultEvent::authority).containsOnly(3);
        assertThat(events).extracting(FaultEvent::kind).as("crashes and restarts alternate, a crash first and last")
                .startsWith(FaultEvent.Kind.CRASHED, FaultEvent.Kind.RESTARTED).endsWith(FaultEvent.Kind.CRASHED)
                .isEqualTo(IntStream.range(0, events.size()).mapToObj(i ->
                        i % 2 == 0 ? FaultEvent.Kind.CRASHED : FaultEvent.Kind.RESTARTED).toList());
        List<Double> times = measurements.scrapes().get(3).stream().map(ValidatorScrape::elapsedSeconds).toList();
        for (int i = 0; i < events.size(); i += 2) {
            double crashed = events.get(i).elapsedSeconds();
            double restarted = i + 1 < events.size() ? events.get(i + 1).elapsedSeconds() : Double.MAX_VALUE;
            assertThat(times).as("validator 3 is not scraped while down from %.1f s", crashed)
                    .noneMatch(t -> t > crashed && t < restarted);
        }
        assertThat(scrapedAfterARestart(measurements, 3)).as("validator 3 is scraped again after a restart").isTrue();
        List<ValidatorScrape> neverCrashed = measurements.scrapes().get(2);
        assertThat(neverCrashed).as("validator 2, never crashed, is scraped every second").hasSizeGreaterThanOrEqualTo(
                (int) neverCrashed.get(neverCrashed.size() - 1).elapsedSeconds() - 1);
    }

    /** The measurements the running benchmark saved after its last scrape, if any yet. */
    private Optional<MeasurementsCollection> measurementsSoFar() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("results")).filter(Files::isDirectory)
                .flatMap(CrashFaultsIT::files)) {
            return files.filter(f -> f.getFileName().toString().startsWith("measurements-")
                    && f.getFileName().toString().endsWith(".json")).findFirst().map(MeasurementsCollection::load);
        } catch (NoSuchFileException notYet) {
            return Optional.empty();
        }
    }

    private static Stream<Path> files(Path directory) {
        try {
            return Files.list(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean scrapedAfterARestart(MeasurementsCollection measurements, int authority) {
        Optional<Double> restarted = measurements.faultEvents().stream()
                .filter(e -> e.authority() == authority && e.kind() == FaultEvent.Kind.RESTARTED)
                .map(FaultEvent::elapsedSeconds).findFirst();
        return restarted.isPresent() && measurements.scrapes().getOrDefault(authority, List.of()).stream()
                .anyMatch(s -> s.elapsedSeconds() > restarted.get());
    }
}
