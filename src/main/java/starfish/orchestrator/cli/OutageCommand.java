package starfish.orchestrator.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.settings.CrashStop;
import starfish.orchestrator.settings.Faults;
import starfish.orchestrator.settings.Settings;

@Command(name = "benchmark-outage", mixinStandardHelpOptions = true,
        description = "Runs one benchmark with one outage: validators stopped at --start and restarted --duration"
                + " later (or kept down), sampled every --sample-interval as CSV and JSON with charts.")
public final class OutageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOption settingsOption;

    @Mixin
    RunFlags flags;

    @Mixin
    Workload workload;

    @Option(names = "--start", defaultValue = "30s", converter = CliConverters.DurationConverter.class,
            description = "When the outage starts, after the measurement begins (default: ${DEFAULT-VALUE}).")
    Duration start;

    @Option(names = "--duration", defaultValue = "60s", converter = CliConverters.DurationConverter.class,
            description = "How long the validators stay down (default: ${DEFAULT-VALUE}).")
    Duration outageLength;

    @Option(names = "--keep-down", description = "Never restart them: the outage lasts until the run ends.")
    boolean keepDown;

    @Option(names = "--authorities", split = ",", paramLabel = "INDEX",
            description = "The validators to stop, like 1,2 (never a Byzantine one).")
    List<Integer> authorities;

    @Option(names = "--count", description = "Instead of --authorities: stop this many honest validators spread over"
            + " the committee (default: a third of it, at least one).")
    Integer count;

    @Option(names = "--run-duration", converter = CliConverters.DurationConverter.class,
            description = "Length of the whole run (default: the outage's start, its length, then as long again as"
                    + " the start; 2 x start with --keep-down).")
    Duration runDuration;

    @Option(names = "--sample-interval", defaultValue = "10s", converter = CliConverters.DurationConverter.class,
            description = "One sample per interval (default: ${DEFAULT-VALUE}).")
    Duration sampleInterval;

    @Option(names = "--graceful-crash", description = "Stop validators with SIGTERM instead of SIGKILL.")
    boolean gracefulCrash;

    @Override
    public Integer call() {
        return CliErrors.run(spec.commandLine().getErr(), () -> {
            if (authorities != null && count != null) {
                throw new IllegalArgumentException("give either --authorities or --count, not both");
            }
            Faults.Outage outage = new Faults.Outage(start, keepDown ? Duration.ZERO : outageLength, keepDown,
                    authorities == null ? List.of() : authorities, count == null ? 0 : count,
                    gracefulCrash ? CrashStop.GRACEFUL : CrashStop.KILL);
            Settings settings = flags.apply(settingsOption.load()).withFaults(outage);
            Duration length = runDuration != null ? runDuration
                    : keepDown ? start.multipliedBy(2) : start.multipliedBy(2).plus(outageLength);
            return LongRun.run(settings, flags, workload.parameters(flags, length), sampleInterval,
                    spec.commandLine().getOut());
        });
    }
}
