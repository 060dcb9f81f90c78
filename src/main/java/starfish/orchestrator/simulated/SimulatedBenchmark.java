package starfish.orchestrator.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.config.ConfigFiles;
import starfish.orchestrator.benchmark.BenchmarkFlow;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.RunStop;
import starfish.orchestrator.benchmark.BenchmarkPhase;
import starfish.orchestrator.benchmark.ByzantineAuthorities;
import starfish.orchestrator.benchmark.MeasurementSchedule;
import starfish.orchestrator.benchmark.RunId;
import starfish.orchestrator.faults.CrashFaults;
import starfish.orchestrator.faults.CrashSchedule;
import starfish.orchestrator.faults.CrashTargets;
import starfish.orchestrator.faults.ValidatorControl;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.prometheus.PrometheusTextParser;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsRenderer;
import starfish.orchestrator.settings.SimulationSettings;
import starfish.protocol.ByzantineStrategy;
import starfish.simulation.CostModel;
import starfish.simulation.LinkModel;
import starfish.simulation.SimulatedCommittee;
import starfish.simulation.SimulationSpec;

/**
 * A benchmark on the simulated testbed: the committee runs in this JVM in virtual time, scraped every scrape
 * interval of virtual time, with the settings' crash faults applied at their virtual times; then the same
 * measurements file, safety check and summary as on every testbed. Links follow `uniform_latency_ms` when set,
 * else the RTT table with --mimic-extra-latency, else they have no delay (like loopback).
 */
final class SimulatedBenchmark implements BenchmarkFlow {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBenchmark.class);

    private final Settings settings;
    private final BenchmarkListener listener;
    private boolean allowUnsafeByzantine;

    SimulatedBenchmark(Settings settings, BenchmarkListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** Nothing to monitor live: virtual time runs at its own pace; the figures are in the measurements file. */
    @Override
    public BenchmarkFlow monitoredBy(MonitoringHandle monitoring) {
        return this;
    }

    /** Simulated runs always have a duration (run refuses zero): nothing to stop. */
    @Override
    public BenchmarkFlow stoppedBy(RunStop stop) {
        return this;
    }

    @Override
    public BenchmarkFlow allowUnsafeByzantine(boolean allow) {
        this.allowUnsafeByzantine = allow;
        return this;
    }

    @Override
    public BenchmarkOutcome run(BenchmarkParameters parameters) {
        ByzantineAuthorities.requireTolerable(parameters, allowUnsafeByzantine);
        if (parameters.untilStopped()) {
            throw new IllegalArgumentException("a simulated run needs a duration: virtual time runs as fast as it can,"
                    + " so a run until Ctrl-C would never summarise anything; give --duration");
        }
        List<Integer> byzantine = ByzantineAuthorities.of(parameters);
        SimulationSettings simulation = settings.simulation();
        String runId = RunId.claim(settings.locations().logsDir(), parameters.slug() + "-seed" + simulation.seed());
        Path logsDir = settings.locations().logsDir().resolve(runId);
        Path measurementsFile = MeasurementsCollection.fileFor(settings.locations().resultsDir(),
                "simulated-seed" + simulation.seed(), runId);
        MeasurementsCollection measurements = new MeasurementsCollection(parameters,
                SettingsRenderer.toMap(settings), byzantine, ConfigFiles.readClientParameters(
                        settings.locations().clientParametersPath().orElse(null)).transactionSize());
        LOG.info("simulated benchmark {} with seed {} (replay: the same settings with --seed {})",
                parameters.displayName(), simulation.seed(), simulation.seed());
        try (SimulatedCommittee committee = new SimulatedCommittee(spec(parameters, byzantine), logsDir)) {
            listener.phase(BenchmarkPhase.BOOT, committee::startAll);
            listener.phase(BenchmarkPhase.MEASURE, () -> measure(committee, parameters, byzantine, measurements,
                    measurementsFile));
            listener.phase(BenchmarkPhase.STOP, committee::close);
            measurements.setSafety(SafetyCheck.check(committedLogs(committee, byzantine, logsDir)));
        }
        measurements.save(measurementsFile);
        LOG.info("simulated benchmark {} done: seed {}, committed logs in {}", parameters.displayName(),
                simulation.seed(), logsDir.toAbsolutePath());
        return new BenchmarkOutcome(parameters, measurements.summary(), measurementsFile, logsDir);
    }

    private SimulationSpec spec(BenchmarkParameters parameters, List<Integer> byzantine) {
        SimulationSettings simulation = settings.simulation();
        Optional<Duration> uniform = simulation.uniformLatency()
                .or(() -> parameters.mimicExtraLatency() ? Optional.empty() : Optional.of(Duration.ZERO));
        Map<Integer, ByzantineStrategy> strategies = new LinkedHashMap<>();
        byzantine.forEach(authority -> strategies.put(authority, parameters.byzantineStrategy()));
        return new SimulationSpec(parameters.consensus(), parameters.committee(), parameters.load(), strategies,
                new LinkModel(uniform, simulation.jitterPercent()), simulation.uplinkMbps(),
                new CostModel(simulation.costPerFrame(), simulation.costPerBlock(), simulation.costPerKib()),
                ConfigFiles.readNodeParameters(settings.locations().nodeParametersPath().orElse(null)),
                ConfigFiles.readClientParameters(settings.locations().clientParametersPath().orElse(null)), simulation.seed());
    }

    /** Scrapes every interval of virtual time; crash faults due before a scrape (or at the start) come first. */
    private void measure(SimulatedCommittee committee, BenchmarkParameters parameters, List<Integer> byzantine,
                         MeasurementsCollection measurements, Path file) {
        CrashFaults faults = new CrashFaults(new CrashSchedule(settings.run().faults(),
                CrashTargets.of(settings.run().faults(), committee.size(), byzantine)), control(committee), measurements);
        PrometheusTextParser parser = ValidatorScrape.parser();
        MeasurementSchedule.run(settings.monitoring().scrapeInterval(), parameters.duration(), faults,
                new MeasurementSchedule.Timeline() {
                    @Override
                    public void advanceTo(Duration offset) {
                        committee.runUntil(offset);
                    }

                    @Override
                    public Duration elapsed() {
                        return committee.elapsed();
                    }
                }, () -> false, (at, last) -> {
                    double seconds = at.toNanos() / 1e9;
                    for (int i = 0; i < committee.size(); i++) {
                        if (committee.isUp(i)) {
                            measurements.add(i, ValidatorScrape.of(seconds, parser.parse(committee.metricsText(i))));
                        }
                    }
                    listener.scraped(at, measurements.summary());
                    if (last) {
                        measurements.save(file);
                    }
                });
    }

    private static ValidatorControl control(SimulatedCommittee committee) {
        return new ValidatorControl() {
            @Override
            public void crash(int authority) {
                committee.crash(authority);
            }

            @Override
            public void restart(int authority) {
                committee.start(authority);
            }
        };
    }

    /** The honest validators' committed.log, also copied beside the logs as on every testbed. */
    private static Map<Integer, CommittedLog> committedLogs(SimulatedCommittee committee, List<Integer> byzantine,
                                                            Path logsDir) {
        Map<Integer, CommittedLog> logs = new LinkedHashMap<>();
        for (int i = 0; i < committee.size(); i++) {
            try {
                Files.createDirectories(logsDir);
                if (Files.exists(committee.committedLog(i))) {
                    Files.copy(committee.committedLog(i), logsDir.resolve("committed-" + i + ".log"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy validator " + i + "'s committed.log", e);
            }
            if (!byzantine.contains(i)) {
                logs.put(i, CommittedLog.read(i, logsDir.resolve("committed-" + i + ".log")));
            }
        }
        return logs;
    }
}
