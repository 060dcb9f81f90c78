package starfish.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.BenchmarkPhase;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summaries;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.simulated.SimulatedTestbed;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * A testbed that records what the extension does to it (deploy, runs, destroy, close) so the extension's life
 * cycle can be observed. Its runs go through the listener's phases and return a fixed summary: TPS is 90% of the
 * offered load, transaction latency avg 350 ms / p50 300 ms / p99 700 ms; each writes a measurements file and a
 * validator log under {@link #FILES}. The safety verdict is ok, except at the loads {@link #VIOLATED_LOAD} (two
 * validators diverge) and {@link #UNKNOWN_LOAD} (a committed log is missing).
 */
public class RecordingTestbedFactory implements TestbedFactory {
    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());
    static final List<BenchmarkParameters> RUNS = Collections.synchronizedList(new ArrayList<>());
    static final Path FILES = temporaryDirectory();
    static final int VIOLATED_LOAD = 666;
    static final int UNKNOWN_LOAD = 667;

    static void reset() {
        EVENTS.clear();
        RUNS.clear();
    }

    @Override
    public TestbedProvider provider(Settings settings) {
        return new RecordingProvider(settings);
    }

    @Override
    public BenchmarkRunner runner(Settings settings, TestbedProvider testbed) {
        return RecordingTestbedFactory::run;
    }

    /** Deploy records itself and then fails, like a cloud that created some instances before an error. */
    public static final class FailingDeploy extends RecordingTestbedFactory {
        @Override
        public TestbedProvider provider(Settings settings) {
            return new RecordingProvider(settings) {
                @Override
                public List<Instance> deploy(int perRegion, Optional<String> region) {
                    super.deploy(perRegion, region);
                    throw new IllegalStateException("quota exceeded after creating some instances");
                }
            };
        }
    }

    private static BenchmarkOutcome run(BenchmarkParameters parameters, BenchmarkListener listener,
                                        MonitoringHandle monitoring) {
        EVENTS.add("run " + parameters.displayName());
        RUNS.add(parameters);
        for (BenchmarkPhase phase : List.of(BenchmarkPhase.CONFIGURE, BenchmarkPhase.BOOT, BenchmarkPhase.MEASURE)) {
            listener.phaseStarted(phase);
            if (phase == BenchmarkPhase.MEASURE) {
                listener.scraped(Duration.ofSeconds(1), summary(parameters, 0.5));
                listener.scraped(Duration.ofSeconds(2), summary(parameters, 0.9));
            }
            listener.phaseFinished(phase, Optional.empty());
        }
        listener.phaseStarted(BenchmarkPhase.STOP);
        Path logs = FILES.resolve("logs-" + RUNS.size());
        Path measurements = FILES.resolve("measurements-" + RUNS.size() + ".json");
        write(logs.resolve("node-0.log"), "booting\ncommitted leader 1\ncommitted leader 2\n");
        write(measurements, "{\"parameters\": {\"load\": " + parameters.load() + "}}");
        listener.phaseFinished(BenchmarkPhase.STOP, Optional.empty());
        return new BenchmarkOutcome(parameters, summary(parameters, 0.9), measurements, logs);
    }

    private static Summary summary(BenchmarkParameters parameters, double ratio) {
        return Summaries.of(parameters.load() * ratio,
                new LatencyStats(350, 120, 300, 300, 600, 600, 700), new LatencyStats(250, 80, 200, 200, 400, 400, 500),
                1.5, safety(parameters.load()), safetyDetail(parameters.load()), true, 2);
    }

    private static Safety safety(int load) {
        return load == VIOLATED_LOAD ? Safety.VIOLATED : load == UNKNOWN_LOAD ? Safety.UNKNOWN : Safety.OK;
    }

    private static String safetyDetail(int load) {
        return switch (safety(load)) {
            case VIOLATED -> "validators 0 and 2 diverge at committed index 5: 'a' vs 'b'";
            case UNKNOWN -> "validator 1's committed log was not collected";
            case OK -> "";
        };
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("starfish-junit-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands in for the provider that the settings name, with that provider's host traits. */
    private static class RecordingProvider implements TestbedProvider {
        private final List<Instance> instances = new ArrayList<>();
        private final HostTraits traits;

        RecordingProvider(Settings settings) {
            this.traits = switch (settings.testbed().cloudProvider()) {
                case LOCAL -> HostTraits.LOOPBACK;
                case NETNS -> HostTraits.NAMESPACES;
                case AWS, VULTR -> HostTraits.CLOUD;
                case SIMULATED -> new SimulatedTestbed().traits();
            };
        }

        @Override
        public List<Instance> deploy(int perRegion, Optional<String> region) {
            EVENTS.add("deploy " + perRegion);
            for (int i = 0; i < perRegion; i++) {
                instances.add(new Instance("recorded-" + instances.size(), "local", "127.0.0.1", "127.0.0.1",
                        InstanceStatus.ACTIVE));
            }
            return List.copyOf(instances);
        }

        @Override
        public List<Instance> instances() {
            return List.copyOf(instances);
        }

        @Override
        public void start(int perRegion) {
            EVENTS.add("start");
        }

        @Override
        public void stop() {
            EVENTS.add("stop");
        }

        @Override
        public void destroy() {
            EVENTS.add("destroy");
            instances.clear();
        }

        @Override
        public HostTraits traits() {
            return traits;
        }

        @Override
        public CommandRunner commandRunner() {
            throw new UnsupportedOperationException("the recording testbed runs no commands");
        }

        @Override
        public void close() {
            EVENTS.add("close");
        }
    }
}
