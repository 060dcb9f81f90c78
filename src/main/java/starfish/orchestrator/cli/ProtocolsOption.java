package starfish.orchestrator.cli;

import java.util.List;
import picocli.CommandLine.Option;
import starfish.protocol.Consensus;

/** `--protocols a,b` (or `a b`; `--consensus` is the same option): the protocols a command runs, in order. */
final class ProtocolsOption {

    @Option(names = {"--protocols", "--consensus"}, split = ",", arity = "1..*", defaultValue = "mysticeti",
            converter = CliConverters.ConsensusConverter.class, paramLabel = "PROTOCOL",
            description = "mysticeti, starfish, starfish-pull or cordial-miners; several (comma or space separated)"
                    + " run one after another (default: ${DEFAULT-VALUE}).")
    List<Consensus> protocols;
}
