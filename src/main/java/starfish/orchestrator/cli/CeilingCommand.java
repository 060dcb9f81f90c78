package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starfish.orchestrator.ceiling.LoopbackCeiling;

@Command(name = "ceiling", mixinStandardHelpOptions = true,
        description = "Measures this machine's ceiling for a committee: every 512-byte transaction pushed to every "
                + "peer over loopback TCP and hashed, as fast as the machine allows. No protocol can exceed it here.")
public final class CeilingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--committee", defaultValue = "4", description = "Nodes (default: ${DEFAULT-VALUE}).")
    int committee;

    @Option(names = "--duration", defaultValue = "15s", converter = CliConverters.DurationConverter.class,
            description = "How long to measure, after a 1 s warm-up (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return CliErrors.run(spec.commandLine().getErr(), () -> {
            out.printf(Locale.ROOT, "Measuring the loopback ceiling of %d nodes for %d s ...%n", committee,
                    duration.toSeconds());
            out.flush();
            LoopbackCeiling.Result result = LoopbackCeiling.measure(committee, duration);
            out.printf(Locale.ROOT, "ceiling: %,.0f tx/s delivered to every node (n=%d, %d s, %d-byte transactions)%n",
                    result.deliveredPerSecond(), result.nodes(), result.measured().toSeconds(),
                    LoopbackCeiling.TRANSACTION_BYTES);
            out.flush();
            return 0;
        });
    }
}
