package starfish.orchestrator.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.faults.CrashFaults;
import starfish.orchestrator.faults.CrashSchedule;
import starfish.orchestrator.faults.CrashTargets;
import starfish.orchestrator.faults.ValidatorControl;
import starfish.orchestrator.measurement.CommittedLog;
import starfish.node.config.ConfigFiles;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.SafetyCheck;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.monitoring.ScrapeTarget;
import starfish.orchestrator.validator.Protocol;
import starfish.orchestrator.validator.StarfishProtocol;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.runner.ShellQuoting;
import starfish.orchestrator.settings.CrashStop;
import starfish.orchestrator.settings.DurationText;
import starfish.orchestrator.settings.PreBuiltBinary;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsRenderer;
import starfish.orchestrator.testbed.CommitteeHosts;
import starfish.orchestrator.testbed.FileTrees;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The one benchmark flow for every testbed: cleanup, install, update, configure (genesis), boot validators, scrape
 * every interval, stop, cleanup. Validator logs are collected into the settings' logs_dir even when the run fails, and
 * with settings.monitoring().logProcessing() their ERROR and exception lines are counted.
 */
public final class Orchestrator implements BenchmarkFlow {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    private static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofSeconds(120);
    // a poll of a validator that does not listen yet costs a refused connection: short polls end boot sooner
    private static final Duration BOOT_POLL = Duration.ofMillis(50);

    private final Settings settings;
    private final TestbedProvider testbed;
    private final RunOptions options;
    private final BenchmarkListener listener;
    private final Protocol protocol;
    private final Duration bootTimeout;
    private final MetricsScraper scraper = new MetricsScraper();
    private MonitoringHandle monitoring = new NoMonitoring();
    private Optional<RunStop> stop = Optional.empty();
    private boolean allowUnsafeByzantine;

    /** Runs our validator, launched as the testbed's hosts require. */
    public Orchestrator(Settings settings, TestbedProvider testbed, RunOptions options, BenchmarkListener listener) {
        this(settings, testbed, options, listener, StarfishProtocol.on(testbed.traits()));
    }

    /** Runs another codebase through its Protocol. */
    public Orchestrator(Settings settings, TestbedProvider testbed, RunOptions options, BenchmarkListener listener,
                        Protocol protocol) {
        this(settings, testbed, options, listener, protocol, DEFAULT_BOOT_TIMEOUT);
    }

    /** `bootTimeout`: how long every validator gets to answer on /metrics after its start. */
    Orchestrator(Settings settings, TestbedProvider testbed, RunOptions options, BenchmarkListener listener,
                 Protocol protocol, Duration bootTimeout) {
        this.settings = settings;
        this.testbed = testbed;
        this.options = options;
        this.listener = listener;
        this.protocol = protocol;
        this.bootTimeout = bootTimeout;
    }

    /** Points `monitoring` at each run's validators; without it, runs are not monitored. */
    @Override
    public Orchestrator monitoredBy(MonitoringHandle monitoring) {
        this.monitoring = monitoring;
        return this;
    }

    @Override
    public Orchestrator stoppedBy(RunStop value) {
        this.stop = Optional.of(value);
        return this;
    }

    /** Lets runs have more Byzantine validators than the committee tolerates (f); refused otherwise. */
    @Override
    public Orchestrator allowUnsafeByzantine(boolean allow) {
        this.allowUnsafeByzantine = allow;
        return this;
    }

    /** Runs one benchmark to the end and returns its outcome; throws when the testbed or the run fails. */
    @Override
    public BenchmarkOutcome run(BenchmarkParameters parameters) {
        ByzantineAuthorities.requireTolerable(parameters, allowUnsafeByzantine);
        if (parameters.untilStopped() && stop.isEmpty()) {
            throw new IllegalArgumentException("a run of duration 0 goes on until it is stopped, and nothing stops"
                    + " runs here; give it a duration (the command line stops such runs on Ctrl-C)");
        }
        HostTraits traits = testbed.traits();
        List<Instance> hosts = CommitteeHosts.validators(traits, settings,
                testbed.instances().stream().filter(Instance::isActive).toList(), parameters.committee());
        int basePort = PortAllocator.basePort(traits, 2 * hosts.size());
        ValidatorSet validators = new ValidatorSet(hosts, basePort, ByzantineAuthorities.of(parameters), protocol,
                parameters, settings.simulation().uniformLatency());
        String runId = RunId.claim(settings.locations().logsDir(), parameters.slug());
        Path logsDir = settings.locations().logsDir().resolve(runId);
        Path measurementsFile = MeasurementsCollection.fileFor(settings.locations().resultsDir(), resultsFolder(), runId);
        MeasurementsCollection measurements = new MeasurementsCollection(parameters,
                SettingsRenderer.toMap(settings), validators.byzantine(), ConfigFiles.readClientParameters(
                        settings.locations().clientParametersPath().orElse(null)).transactionSize());
        CommandRunner runner = testbed.commandRunner();
        LOG.info("benchmark {} on {} hosts, run {}", parameters.displayName(), hosts.size(), runId);
        boolean booted = false;
        try {
            phase(BenchmarkPhase.CLEANUP, () -> cleanup(runner, validators));
            if (!traits.runOrchestratorBuild()) {
                phase(BenchmarkPhase.INSTALL, () -> Stream.concat(testbed.preparationCommands().stream(),
                        protocol.installCommands().stream()).forEach(command -> runner.executeAll(hosts, command)));
            }
            if (options.uploadLocalBuild()) {
                phase(BenchmarkPhase.UPDATE, () -> uploadLocalBuild(runner, hosts));
            } else if (!traits.runOrchestratorBuild() && !options.skipTestbedUpdate()) {
                phase(BenchmarkPhase.UPDATE, () -> settings.locations().preBuiltBinary().ifPresentOrElse(
                        binary -> installPreBuilt(runner, hosts, binary), () -> update(runner, hosts)));
            }
            if (!options.skipTestbedConfiguration()) {
                phase(BenchmarkPhase.CONFIGURE, () -> configure(runner, hosts, basePort));
            }
            monitoring.scrape(ScrapeTarget.validators(genesisAddresses(hosts),
                    authority -> protocol.metricsPort(authority, hosts.size(), basePort)));
            booted = true;
            phase(BenchmarkPhase.BOOT, () -> {
                boot(runner, validators);
                measurements.setReadyAtBoot(validators.size(), validators.size());
            });
            CrashFaults faults = crashFaults(runner, validators, measurements);
            phase(BenchmarkPhase.MEASURE, () -> measure(validators, measurements, measurementsFile, faults));
        } catch (RuntimeException | Error failure) {
            if (booted) {
                stopKeepingFailure(failure, runner, validators, logsDir);
            }
            throw failure;
        }
        phase(BenchmarkPhase.STOP, () -> stop(runner, validators, logsDir));
        measurements.setSafety(SafetyCheck.check(committedLogs(validators, logsDir)));
        measurements.save(measurementsFile);
        phase(BenchmarkPhase.CLEANUP, () -> cleanup(runner, validators));
        List<LogErrorCounts> logErrors = settings.monitoring().logProcessing()
                ? LogScan.scanAll(logsDir, validators.size()) : List.of();
        return new BenchmarkOutcome(parameters, measurements.summary(), measurementsFile, logsDir, logErrors);
    }

    private void cleanup(CommandRunner runner, ValidatorSet validators) {
        stopValidators(runner, validators);
        runner.executeAll(validators.hosts(), protocol.cleanupCommand());
    }

    /**
     * Genesis draws fresh keys, so it runs once, on the first validator's host, and its files are copied from there:
     * the committee files to every host, each private key file to its own validator's host alone (the first host
     * keeps only its own). Transfers keep the owner-only mode that genesis gives private key files.
     */
    private void writeGenesis(CommandRunner runner, List<Instance> hosts, int basePort) {
        Instance first = hosts.get(0);
        runner.execute(first, protocol.genesisCommand(genesisAddresses(hosts), basePort));
        List<Instance> others = hosts.subList(1, hosts.size());
        Path copy = FileTrees.createTempDirectory("starfish-genesis-");
        try {
            for (String file : protocol.sharedGenesisFiles()) {
                runner.download(first, file, copy.resolve(file));
                others.forEach(host -> runner.upload(host, copy.resolve(file), file));
            }
            for (int authority = 1; authority < hosts.size(); authority++) {
                String key = protocol.privateKeyFile(authority);
                runner.download(first, key, copy.resolve(key));
                runner.upload(hosts.get(authority), copy.resolve(key), key);
            }
            if (!others.isEmpty()) {
                runner.execute(first, "rm -f " + IntStream.range(1, hosts.size()).mapToObj(protocol::privateKeyFile)
                        .map(ShellQuoting::quote).collect(Collectors.joining(" ")));
            }
        } finally {
            FileTrees.delete(copy);
        }
    }

    /** Genesis for this committee, and the settings' parameter files on every host (or none, when unset). */
    private void configure(CommandRunner runner, List<Instance> hosts, int basePort) {
        writeGenesis(runner, hosts, basePort);
        runner.executeAll(hosts, "rm -f " + protocol.nodeParametersPath() + " " + protocol.clientParametersPath());
        settings.locations().nodeParametersPath().ifPresent(file -> hosts.forEach(host ->
                runner.upload(host, file, protocol.nodeParametersPath())));
        settings.locations().clientParametersPath().ifPresent(file -> hosts.forEach(host ->
                runner.upload(host, file, protocol.clientParametersPath())));
    }

    private void update(CommandRunner runner, List<Instance> hosts) {
        var repository = settings.locations().repository().orElseThrow(() -> new IllegalStateException("the settings name no"
                + " repository to build on the hosts; add `repository: {url: ..., commit: ...}` or pass"
                + " --upload-local-build or --skip-testbed-update"));
        protocol.updateCommands(repository).forEach(command -> runner.executeAll(hosts, command));
    }

    /** `pre_built_binary`: hosts fetch the URL themselves, or receive the file from here. */
    private void installPreBuilt(CommandRunner runner, List<Instance> hosts, PreBuiltBinary binary) {
        if (binary instanceof PreBuiltBinary.Url url) {
            runner.executeAll(hosts, "curl -fsSL --retry 3 -o " + protocol.artifactPath() + " "
                    + ShellQuoting.quote(url.url()));
        } else {
            Path file = ((PreBuiltBinary.LocalFile) binary).path();
            hosts.forEach(host -> runner.upload(host, file, protocol.artifactPath()));
        }
    }

    private void uploadLocalBuild(CommandRunner runner, List<Instance> hosts) {
        Protocol.LocalBuild build = protocol.localBuild();
        if (!Files.isRegularFile(build.file())) {
            throw new IllegalStateException(build.file().toAbsolutePath() + " does not exist; build it with `"
                    + build.buildCommand() + "` before --upload-local-build");
        }
        hosts.forEach(host -> runner.upload(host, build.file(), protocol.artifactPath()));
    }

    private List<String> genesisAddresses(List<Instance> hosts) {
        return hosts.stream().map(h -> options.useInternalIpAddresses() ? h.internalIp() : h.publicIp()).toList();
    }

    private void boot(CommandRunner runner, ValidatorSet validators) {
        for (int i = 0; i < validators.size(); i++) {
            start(runner, validators, i);
        }
        long deadline = System.nanoTime() + bootTimeout.toNanos();
        for (int i = 0; i < validators.size(); i++) {
            URI url = validators.metricsUrl(i);
            while (!scraper.answers(url)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("validator " + i + " did not serve " + url + " within "
                            + DurationText.format(bootTimeout) + "; last lines of " + ValidatorSet.logFile(i) + ":\n"
                            + logTail(runner, validators, i));
                }
                pause(BOOT_POLL);
            }
        }
    }

    private void start(CommandRunner runner, ValidatorSet validators, int authority) {
        runner.startDetached(validators.host(authority), ValidatorSet.session(authority),
                protocol.runCommand(validators.launch(authority)), ValidatorSet.logFile(authority));
    }

    /** The settings' crash faults, acting on honest validators from the highest index down. */
    private CrashFaults crashFaults(CommandRunner runner, ValidatorSet validators,
                                    MeasurementsCollection measurements) {
        CrashSchedule schedule = new CrashSchedule(settings.run().faults(),
                CrashTargets.of(settings.run().faults(), validators.size(), validators.byzantine()));
        ValidatorControl control = new ValidatorControl() {
            @Override
            public void crash(int authority) {
                if (settings.run().faults().stop() == CrashStop.KILL) {
                    runner.killDetached(validators.host(authority), ValidatorSet.session(authority));
                } else {
                    runner.stopDetached(validators.host(authority), ValidatorSet.session(authority));
                }
            }

            @Override
            public void restart(int authority) {
                start(runner, validators, authority);
            }
        };
        return new CrashFaults(schedule, control, measurements);
    }

    private String logTail(CommandRunner runner, ValidatorSet validators, int authority) {
        try {
            return runner.execute(validators.host(authority), "tail -n 20 " + ValidatorSet.logFile(authority))
                    .stdout();
        } catch (RuntimeException e) {
            return "(log unavailable: " + e.getMessage() + ")";
        }
    }

    private void measure(ValidatorSet validators, MeasurementsCollection measurements, Path file,
                         CrashFaults faults) {
        long start = System.nanoTime();
        RunStop runStop = stop.orElseGet(RunStop::new);
        MeasurementSchedule.run(settings.monitoring().scrapeInterval(), validators.parameters().duration(), faults,
                new MeasurementSchedule.Timeline() {
                    @Override
                    public void advanceTo(Duration offset) {
                        runStop.awaitUntil(start + offset.toNanos());
                    }

                    @Override
                    public Duration elapsed() {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                }, runStop::isRequested, (at, last) -> {
                    scrapeAll(validators, measurements, start, faults);
                    // figures first: the first save serialises the document for the first time (0.5-0.8 s of CPU
                    // at boot)
                    listener.scraped(Duration.ofNanos(System.nanoTime() - start), measurements.summary());
                    measurements.save(file);
                });
    }

    /** Each sample is timed when its response arrives: on a busy host that is much closer to the counters' time. */
    private void scrapeAll(ValidatorSet validators, MeasurementsCollection measurements, long startNanos,
                           CrashFaults faults) {
        Map<Integer, CompletableFuture<ValidatorScrape>> pending = new LinkedHashMap<>();
        for (int i = 0; i < validators.size(); i++) {
            if (faults.isDown(i)) {
                continue;
            }
            pending.put(i, scraper.scrape(validators.metricsUrl(i))
                    .thenApply(text -> ValidatorScrape.of((System.nanoTime() - startNanos) / 1e9, text)));
        }
        pending.forEach((authority, future) -> {
            try {
                measurements.add(authority, future.join());
            } catch (CompletionException e) {
                measurements.recordMissedScrape(authority);
                LOG.warn("scrape of validator {} failed: {}", authority, e.getCause().getMessage());
            }
        });
    }

    /** Stops and collects logs after a failed run; a second failure is attached to the first, not hiding it. */
    private void stopKeepingFailure(Throwable failure, CommandRunner runner, ValidatorSet validators, Path logsDir) {
        try {
            phase(BenchmarkPhase.STOP, () -> stop(runner, validators, logsDir));
        } catch (RuntimeException | Error stopFailure) {
            failure.addSuppressed(stopFailure);
        }
    }

    private void stop(CommandRunner runner, ValidatorSet validators, Path logsDir) {
        try {
            stopValidators(runner, validators);
            protocol.validatorsStopped();
        } finally {
            collectLogs(runner, validators, logsDir);
        }
    }

    private static void stopValidators(CommandRunner runner, ValidatorSet validators) {
        Map<Instance, String> sessions = new LinkedHashMap<>();
        for (int i = 0; i < validators.size(); i++) {
            sessions.put(validators.host(i), ValidatorSet.session(i));
        }
        runner.stopAllDetached(sessions);
    }

    /** Best effort per file: a missing log must not hide why the run failed. */
    private void collectLogs(CommandRunner runner, ValidatorSet validators, Path logsDir) {
        for (int i = 0; i < validators.size(); i++) {
            download(runner, validators.host(i), ValidatorSet.logFile(i), logsDir.resolve(ValidatorSet.logFile(i)));
            download(runner, validators.host(i), protocol.committedLogPath(i), logsDir.resolve(committedLogName(i)));
        }
        LOG.info("validator logs in {}", logsDir.toAbsolutePath());
    }

    private static void download(CommandRunner runner, Instance host, String remote, Path local) {
        try {
            runner.download(host, remote, local);
        } catch (RuntimeException e) {
            LOG.warn("could not collect {} from {}: {}", remote, host.id(), e.getMessage());
        }
    }

    private static String committedLogName(int authority) {
        return "committed-" + authority + ".log";
    }

    /** Every honest validator's collected committed log; one that is missing or unreadable says so. */
    private static Map<Integer, CommittedLog> committedLogs(ValidatorSet validators, Path logsDir) {
        Map<Integer, CommittedLog> logs = new LinkedHashMap<>();
        IntStream.range(0, validators.size()).filter(i -> !validators.byzantine().contains(i))
                .forEach(i -> logs.put(i, CommittedLog.read(i, logsDir.resolve(committedLogName(i)))));
        return logs;
    }

    private String resultsFolder() {
        return settings.locations().repository().map(r -> r.commit().replaceAll("[^A-Za-z0-9._-]", "_")).orElse("local");
    }

    private void phase(BenchmarkPhase phase, Runnable step) {
        listener.phase(phase, step);
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }
}
