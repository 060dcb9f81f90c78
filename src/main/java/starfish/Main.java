package starfish;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import starfish.node.cli.NodeCommand;
import starfish.orchestrator.cli.BenchmarkCommand;
import starfish.orchestrator.cli.CeilingCommand;
import starfish.orchestrator.cli.OutageCommand;
import starfish.orchestrator.cli.StabilityCommand;
import starfish.orchestrator.cli.SweepCommand;
import starfish.orchestrator.cli.SummarizeCommand;
import starfish.orchestrator.cli.SimulateCommand;
import starfish.orchestrator.cli.TestbedCommand;

/** The one executable: `java -jar target/starfish.jar <testbed|benchmark|summarize|simulate|ceiling|node> ...`. */
@Command(name = "starfish", mixinStandardHelpOptions = true, version = "starfish 0.1.0",
        description = "Deploys DAG-BFT validators on a testbed, benchmarks them and reports the results.")
public final class Main {
    private static final String NODE = "node";

    public static void main(String[] args) {
        boolean node = args.length > 0 && args[0].equals(NODE);
        System.exit((node ? nodeCommandLine() : commandLine()).execute(args));
    }

    /** The configured command line, shared by main and tests. */
    public static CommandLine commandLine() {
        return withSubcommands(TestbedCommand.class, BenchmarkCommand.class, OutageCommand.class,
                StabilityCommand.class, SweepCommand.class, SummarizeCommand.class,
                SimulateCommand.class, CeilingCommand.class, NodeCommand.class);
    }

    /**
     * Only `node ...`: validators and the genesis tool start in a fresh JVM each, where picocli's reflection over
     * the orchestrator's commands would cost a few hundred ms of CPU that four validators on two cores pay in turn.
     */
    static CommandLine nodeCommandLine() {
        return withSubcommands(NodeCommand.class);
    }

    private static CommandLine withSubcommands(Class<?>... subcommands) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> subcommand : subcommands) {
            cli.addSubcommand(subcommand);
        }
        // set after adding: picocli applies it to the subcommands present at the call
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }
}
