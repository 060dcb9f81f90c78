package starfish;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import starfish.node.cli.NodeCommand;
import starfish.orchestrator.cli.BenchmarkCommand;
import starfish.orchestrator.cli.SummarizeCommand;
import starfish.orchestrator.cli.TestbedCommand;

/** The one executable: `java -jar target/starfish.jar <testbed|benchmark|summarize|node> ...`. */
@Command(name = "starfish", mixinStandardHelpOptions = true, version = "starfish 0.1.0",
        description = "Deploys DAG-BFT validators on a testbed, benchmarks them and reports the results.",
        subcommands = {TestbedCommand.class, BenchmarkCommand.class, SummarizeCommand.class, NodeCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
