package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.node.net.MimickedLatency;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.ByzantineAuthorities;
import starfish.orchestrator.benchmark.RunStop;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.settings.CrashStop;
import starfish.orchestrator.settings.Faults;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.sweep.LatencyThroughputGraph;
import starfish.orchestrator.sweep.LoadPoint;
import starfish.orchestrator.sweep.LoadSearch;
import starfish.orchestrator.sweep.SearchReport;
import starfish.orchestrator.sweep.SearchResult;
import starfish.orchestrator.sweep.SearchTolerance;
import starfish.protocol.Consensus;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Runs one benchmark per protocol and load, one after another on the same testbed, prints a"
                + " summary table for each and, with several protocols, one table comparing them.",
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

    @Mixin
    RunFlags flags;

    @Mixin
    ProtocolsOption protocolsOption;

    @Option(names = "--committee", defaultValue = "4", description = "Number of validators (default: ${DEFAULT-VALUE}).")
    int committee;

    @Option(names = "--loads", split = ",", defaultValue = "1000", paramLabel = "TX_PER_S",
            description = "Total offered loads in tx/s, comma separated; one run each (default: ${DEFAULT-VALUE}).")
    List<Integer> loads;

    @Option(names = "--duration", converter = CliConverters.DurationConverter.class,
            description = "Length of each run, like 30s or 2m; 0 runs until Ctrl-C, then summarises (default:"
                    + " benchmark_duration from the settings).")
    Duration duration;

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

    @Option(names = "--search", description = "Search the highest sustained load, starting from the single --loads"
            + " value: double it until p50 latency exceeds max(2 x the start load's p50, that p50 + 200 ms) or TPS"
            + " falls below 90%% of the offered load, then bisect --search-steps times.")
    boolean search;

    @Option(names = "--search-steps", defaultValue = "3", description = "Bisection steps of --search (default:"
            + " ${DEFAULT-VALUE}).")
    int searchSteps;

    @Override
    public Integer call() {
        if (search && loads.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--search starts from one load: give a single --loads value, was " + loads);
        }
        return CliErrors.run(spec.commandLine().getErr(), () -> runAll(spec.commandLine().getOut()));
    }

    private int runAll(PrintWriter out) {
        Settings settings = flags.apply(withFaultFlags(settingsOption.load()));
        Duration length = duration != null ? duration : settings.run().benchmarkDuration();
        List<BenchmarkParameters> planned = new ArrayList<>();
        protocolsOption.protocols.forEach(protocol -> loads.forEach(load -> planned.add(
                flags.parameters(protocol, committee, load, length))));
        for (BenchmarkParameters parameters : planned) {  // refuse before any testbed is touched
            ByzantineAuthorities.requireTolerable(parameters, flags.allowUnsafeByzantine);
        }
        if (length.isZero() && (planned.size() > 1 || search)) {
            throw new IllegalArgumentException("a run without duration (0) goes on until Ctrl-C: give one protocol"
                    + " and one load, without --search");
        }
        RunStop stop = new RunStop();
        try (CliBenchmarks runs = CliBenchmarks.open(settings, flags, committee, stop, out);
             InterruptStopsRun interrupt = length.isZero() ? new InterruptStopsRun(stop, out) : null) {
            for (Consensus protocol : protocolsOption.protocols) {
                List<BenchmarkOutcome> ofProtocol = new ArrayList<>();
                IntFunction<BenchmarkOutcome> runOne = load -> {
                    BenchmarkOutcome outcome = runs.run(flags.parameters(protocol, committee, load, length));
                    ofProtocol.add(outcome);
                    return outcome;
                };
                if (search) {
                    SearchResult result = new LoadSearch(SearchTolerance.DEFAULT, searchSteps)
                            .search(loads.get(0), load -> LoadPoint.of(runOne.apply(load)));
                    out.print(SearchReport.render(result, SearchTolerance.DEFAULT));
                } else {
                    loads.forEach(runOne::apply);
                }
                if (ofProtocol.size() > 1) {
                    out.println("latency-throughput graph: " + LatencyThroughputGraph.write(ofProtocol));
                }
            }
            if (protocolsOption.protocols.size() > 1) {
                out.println("protocols compared:");
                out.print(runs.comparison());
            }
            out.flush();
            return runs.exitCode();
        }
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
}
