package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.ByzantineAuthorities;
import starfish.orchestrator.benchmark.BenchmarkFlow;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.monitoring.Monitoring;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.settings.CrashStop;
import starfish.orchestrator.settings.Faults;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SimulationSettings;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.sweep.LatencyThroughputGraph;
import starfish.orchestrator.sweep.LoadPoint;
import starfish.orchestrator.sweep.LoadSearch;
import starfish.orchestrator.sweep.SearchReport;
import starfish.orchestrator.sweep.SearchResult;
import starfish.orchestrator.sweep.SearchTolerance;
import starfish.orchestrator.providers.TestbedProviders;
import starfish.orchestrator.testbed.TestbedSession;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Runs one benchmark per load on the testbed and prints a summary table for each.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every run finished and was safe", "1:a run failed", "2:the settings are invalid",
                "3:a run finished but honest validators' committed sequences diverged",
                "4:a run finished but its safety is unknown: an honest validator's committed log was missing or"
                        + " unreadable"})
public final class BenchmarkCommand implements Callable<Integer> {
    static final int SAFETY_VIOLATED = 3;
    static final int SAFETY_UNKNOWN = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOption settingsOption;

    @Option(names = "--consensus", defaultValue = "mysticeti", converter = CliConverters.ConsensusConverter.class,
            description = "mysticeti, starfish, starfish-pull or cordial-miners (default: ${DEFAULT-VALUE}).")
    Consensus consensus;

    @Option(names = "--committee", defaultValue = "4", description = "Number of validators (default: ${DEFAULT-VALUE}).")
    int committee;

    @Option(names = "--loads", split = ",", defaultValue = "1000", paramLabel = "TX_PER_S",
            description = "Total offered loads in tx/s, comma separated; one run each (default: ${DEFAULT-VALUE}).")
    List<Integer> loads;

    @Option(names = "--duration", converter = CliConverters.DurationConverter.class,
            description = "Length of each run, like 30s or 2m (default: benchmark_duration from the settings).")
    Duration duration;

    @Option(names = "--byzantine-nodes", defaultValue = "0", description = "How many validators misbehave.")
    int byzantineNodes;

    @Option(names = "--byzantine-strategy", defaultValue = "honest", converter = CliConverters.StrategyConverter.class,
            description = "timeout-leader, leader-withholding, chain-bomb, equivocating-chains,"
                    + " equivocating-two-chains, equivocating-chains-bomb or random-drop.")
    ByzantineStrategy byzantineStrategy;

    @Option(names = "--allow-unsafe-byzantine",
            description = "Run even with more Byzantine nodes than the committee tolerates (f = (n-1)/3).")
    boolean allowUnsafeByzantine;

    @Option(names = "--faults", paramLabel = "K",
            description = "Crash K honest validators (highest index first); overrides `faults` in the settings.")
    Integer faults;

    @Option(names = "--crash-recovery", description = "With --faults: crash them a third at a time and restart"
            + " them all, every --crash-interval, instead of keeping them down.")
    boolean crashRecovery;

    @Option(names = "--crash-interval", converter = CliConverters.DurationConverter.class,
            description = "Time between crash-recovery steps, like 30s (default: ${DEFAULT-VALUE}).",
            defaultValue = "30s")
    Duration crashInterval;

    @Option(names = "--graceful-crash", description = "Crash faults stop validators with SIGTERM, so that they close"
            + " their logs first, instead of SIGKILL (the default); also `stop: graceful` under `faults` in the settings.")
    boolean gracefulCrash;

    @Option(names = "--mimic-extra-latency", description = "Validators delay messages like a 10-region deployment.")
    boolean mimicExtraLatency;

    @Option(names = "--seed", description = "cloud_provider simulated: the seed of the runs; the same seed and"
            + " settings give the same runs (default: simulation_seed from the settings, else "
            + SimulationSettings.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--use-internal-ip-addresses", description = "Validators reach each other on internal IPs.")
    boolean useInternalIpAddresses;

    @Option(names = "--skip-testbed-update", description = "Keep the build already on the hosts.")
    boolean skipTestbedUpdate;

    @Option(names = "--skip-testbed-configuration", description = "Keep the genesis files already on the hosts.")
    boolean skipTestbedConfiguration;

    @Option(names = "--upload-local-build", description = "Upload the jar this command runs from (target/starfish.jar when run from classes) instead of building on hosts.")
    boolean uploadLocalBuild;

    @Option(names = "--search", description = "Search the highest sustained load, starting from the single --loads"
            + " value: double it until p50 latency exceeds max(2 x the start load's p50, that p50 + 200 ms) or TPS"
            + " falls below 90%% of the offered load, then bisect --search-steps times.")
    boolean search;

    @Option(names = "--search-steps", defaultValue = "3", description = "Bisection steps of --search (default:"
            + " ${DEFAULT-VALUE}).")
    int searchSteps;

    @Option(names = "--monitoring", description = "Run Prometheus (and Grafana when installed) during the runs and"
            + " print their URLs; also on with `monitoring: true` in the settings.")
    boolean monitoring;

    @Override
    public Integer call() {
        if (search && loads.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--search starts from one load: give a single --loads value, was " + loads);
        }
        return CliErrors.run(spec.commandLine().getErr(), () -> runAll(spec.commandLine().getOut()));
    }

    private int runAll(PrintWriter out) {
        Settings loaded = withFaultFlags(settingsOption.load());
        Settings settings = seed == null ? loaded : loaded.withSimulationSeed(seed);
        for (int load : loads) {  // refuse before any testbed is touched
            ByzantineAuthorities.requireTolerable(parameters(settings, load), allowUnsafeByzantine);
        }
        RunOptions options = new RunOptions(skipTestbedUpdate, skipTestbedConfiguration, useInternalIpAddresses,
                uploadLocalBuild);
        int exit = 0;
        try (TestbedSession session = TestbedSession.forCommand(settings, TestbedProviders.create(settings),
                committee);
             MonitoringHandle monitor = monitoring || settings.monitoring().enabled()
                     ? Monitoring.start(settings, session.provider(), useInternalIpAddresses, out::println)
                     : new NoMonitoring()) {
            BenchmarkFlow orchestrator = session.provider().benchmarkFlow(settings, options,
                            new ProgressPrinter(out))
                    .monitoredBy(monitor).allowUnsafeByzantine(allowUnsafeByzantine);
            List<BenchmarkOutcome> outcomes = new ArrayList<>();
            IntFunction<BenchmarkOutcome> runOne = load -> {
                BenchmarkOutcome outcome = orchestrator.run(parameters(settings, load));
                out.println();
                out.print(SummaryTable.render(outcome.parameters(), outcome.summary(), outcome.measurementsFile()));
                out.print(LogErrorReport.render(outcome.logErrors()));
                out.println();
                out.flush();
                outcomes.add(outcome);
                return outcome;
            };
            if (search) {
                SearchResult result = new LoadSearch(SearchTolerance.DEFAULT, searchSteps)
                        .search(loads.get(0), load -> LoadPoint.of(runOne.apply(load)));
                out.print(SearchReport.render(result, SearchTolerance.DEFAULT));
            } else {
                loads.forEach(runOne::apply);
            }
            if (outcomes.size() > 1) {
                out.println("latency-throughput graph: " + LatencyThroughputGraph.write(outcomes));
            }
            exit = exitCode(outcomes.stream().map(o -> o.summary().safety()).toList());
        }
        return exit;
    }

    /** A violation anywhere outweighs an unknown verdict elsewhere; both outweigh success. */
    static int exitCode(List<Safety> verdicts) {
        if (verdicts.contains(Safety.VIOLATED)) {
            return SAFETY_VIOLATED;
        }
        return verdicts.contains(Safety.UNKNOWN) ? SAFETY_UNKNOWN : 0;
    }

    /** The settings' faults, unless the command line names its own. */
    private Settings withFaultFlags(Settings settings) {
        CrashStop stop = gracefulCrash ? CrashStop.GRACEFUL : settings.run().faults().stop();
        if (faults == null) {
            if (crashRecovery) {
                throw new IllegalArgumentException("--crash-recovery needs --faults K (how many validators crash)");
            }
            return settings.withFaults(settings.run().faults().withStop(stop));
        }
        if (faults < 0) {
            throw new IllegalArgumentException("--faults must not be negative, was " + faults);
        }
        if (crashRecovery && (crashInterval.isNegative() || crashInterval.isZero())) {
            throw new IllegalArgumentException("--crash-interval must be positive, was " + crashInterval);
        }
        return settings.withFaults(crashRecovery ? new Faults.CrashRecovery(faults, crashInterval, stop)
                : new Faults.Permanent(faults, stop));
    }

    private BenchmarkParameters parameters(Settings settings, int load) {
        return BenchmarkParameters.builder().consensus(consensus).committee(committee).load(load)
                .byzantine(byzantineNodes, byzantineStrategy).mimicExtraLatency(mimicExtraLatency)
                .duration(duration != null ? duration : settings.run().benchmarkDuration()).build();
    }
}
