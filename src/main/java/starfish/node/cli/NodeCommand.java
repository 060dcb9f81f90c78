package starfish.node.cli;

import picocli.CommandLine.Command;

/** `starfish node genesis|run`: the validator's command line (the orchestrator's contract, CONTEXT.md). */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = "Runs a consensus validator or writes a committee's genesis files.",
        subcommands = {GenesisCommand.class, RunCommand.class})
public final class NodeCommand {
}
