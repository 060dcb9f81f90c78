package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.ByzantineAuthorities;
import starfish.orchestrator.benchmark.RunStop;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.sweep.LoadPoint;
import starfish.orchestrator.sweep.SweepLine;
import starfish.orchestrator.sweep.SweepPlan;
import starfish.orchestrator.sweep.SweepReport;
import starfish.protocol.Consensus;

@Command(name = "benchmark-sweep", mixinStandardHelpOptions = true,
        description = "A latency-throughput sweep per protocol and committee size, one testbed for all: coarse load"
                + " steps, then fine steps near the knee, until p50 latency reaches the goal or the point cap;"
                + " writes the points as CSV and JSON and a graph with a line per protocol.")
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOption settingsOption;

    @Mixin
    RunFlags flags;

    @Mixin
    ProtocolsOption protocolsOption;

    @Option(names = {"--committees", "--committee", "--committee-sizes"}, split = ",", arity = "1..*",
            defaultValue = "4", paramLabel = "N",
            description = "Committee sizes; each protocol is swept at each (default: ${DEFAULT-VALUE}).")
    List<Integer> committees;

    @Option(names = "--duration", converter = CliConverters.DurationConverter.class,
            description = "Length of each run (default: benchmark_duration from the settings).")
    Duration duration;

    @Option(names = "--sweep-initial-load", defaultValue = "2000", description = "First load in tx/s (default:"
            + " ${DEFAULT-VALUE}).")
    int initialLoad;

    @Option(names = "--sweep-latency-goal-ms", defaultValue = "2000",
            description = "Stop a line once p50 latency reaches this (default: ${DEFAULT-VALUE}).")
    double latencyGoalMs;

    @Option(names = "--sweep-refine-latency-ms", defaultValue = "1000",
            description = "From this p50 on, fine steps (default: ${DEFAULT-VALUE}).")
    double refineLatencyMs;

    @Option(names = "--sweep-coarse-multiplier", defaultValue = "4.0",
            description = "Load factor of a coarse step (default: ${DEFAULT-VALUE}).")
    double coarseMultiplier;

    @Option(names = "--sweep-fine-multiplier", defaultValue = "1.25",
            description = "Load factor of a fine step (default: ${DEFAULT-VALUE}).")
    double fineMultiplier;

    @Option(names = "--sweep-max-points", defaultValue = "12", description = "At most this many runs per line"
            + " (default: ${DEFAULT-VALUE}).")
    int maxPoints;

    @Option(names = "--sweep-focus-start", description = "With --sweep-focus-end and --sweep-focus-step: walk"
            + " this load range in additive steps.")
    Integer focusStart;

    @Option(names = "--sweep-focus-end")
    Integer focusEnd;

    @Option(names = "--sweep-focus-step")
    Integer focusStep;

    @Override
    public Integer call() {
        return CliErrors.run(spec.commandLine().getErr(), () -> sweep(spec.commandLine().getOut()));
    }

    private int sweep(PrintWriter out) {
        SweepPlan plan = new SweepPlan(initialLoad, latencyGoalMs, refineLatencyMs, coarseMultiplier, fineMultiplier,
                maxPoints, focus());
        Settings settings = flags.apply(settingsOption.load());
        Duration length = duration != null ? duration : settings.run().benchmarkDuration();
        if (length.isZero()) {
            throw new IllegalArgumentException("a sweep's runs need a duration; give --duration");
        }
        List<Integer> sizes = committees.stream().distinct().sorted().toList();
        for (int committee : sizes) {  // refuse before any testbed is touched
            ByzantineAuthorities.requireTolerable(flags.parameters(protocolsOption.protocols.get(0), committee, initialLoad, length),
                    flags.allowUnsafeByzantine);
        }
        List<SweepLine> lines = new ArrayList<>();
        try (CliBenchmarks runs = CliBenchmarks.open(settings, flags, sizes.get(sizes.size() - 1), new RunStop(),
                out)) {
            for (int committee : sizes) {
                for (Consensus protocol : protocolsOption.protocols) {
                    out.println("= sweep " + protocol.cliName() + " · n=" + committee);
                    List<LoadPoint> points = plan.run(load -> LoadPoint.of(
                            runs.run(flags.parameters(protocol, committee, load, length))));
                    lines.add(new SweepLine(protocol.cliName(), committee, points));
                }
            }
            out.print(SweepReport.text(lines));
            BenchmarkOutcome first = runs.outcomes().get(0);
            String base = first.measurementsFile().getFileName().toString()
                    .replaceFirst("^measurements-", "sweep-").replaceFirst("\\.json$", "");
            List<Path> files = SweepReport.write(first.measurementsFile().toAbsolutePath().getParent(), base, lines);
            out.println("points: " + files.get(0) + ", " + files.get(1));
            out.println("graph:  " + files.get(2));
            out.flush();
            return runs.exitCode();
        }
    }

    private Optional<SweepPlan.Focus> focus() {
        if (focusStart == null && focusEnd == null && focusStep == null) {
            return Optional.empty();
        }
        if (focusStart == null || focusEnd == null || focusStep == null) {
            throw new IllegalArgumentException("a focus zone needs --sweep-focus-start, --sweep-focus-end and"
                    + " --sweep-focus-step together");
        }
        return Optional.of(new SweepPlan.Focus(focusStart, focusEnd, focusStep));
    }
}
