package starfish.orchestrator.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.settings.Settings;

@Command(name = "benchmark-stability", mixinStandardHelpOptions = true,
        description = "Runs one long benchmark and writes a sample per interval (TPS, latency, bandwidth, validators"
                + " up) as CSV and JSON with charts beside the measurements file.")
public final class StabilityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SettingsOption settingsOption;

    @Mixin
    RunFlags flags;

    @Mixin
    Workload workload;

    @Option(names = "--duration", defaultValue = "1h", converter = CliConverters.DurationConverter.class,
            description = "Length of the run; 0 runs until Ctrl-C (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--sample-interval", defaultValue = "60s", converter = CliConverters.DurationConverter.class,
            description = "One sample per interval (default: ${DEFAULT-VALUE}).")
    Duration sampleInterval;

    @Override
    public Integer call() {
        return CliErrors.run(spec.commandLine().getErr(), () -> {
            Settings settings = flags.apply(settingsOption.load());
            return LongRun.run(settings, flags, workload.parameters(flags, duration), sampleInterval,
                    spec.commandLine().getOut());
        });
    }
}
