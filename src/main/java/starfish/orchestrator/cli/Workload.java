package starfish.orchestrator.cli;

import java.time.Duration;
import picocli.CommandLine.Option;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.protocol.Consensus;

/** The one protocol, committee and load of a long run (`benchmark-stability`, `benchmark-outage`). */
final class Workload {

    @Option(names = "--protocol", defaultValue = "mysticeti", converter = CliConverters.ConsensusConverter.class,
            description = "mysticeti, starfish, starfish-pull or cordial-miners (default: ${DEFAULT-VALUE}).")
    Consensus protocol;

    @Option(names = "--committee", defaultValue = "4", description = "Number of validators (default: ${DEFAULT-VALUE}).")
    int committee;

    @Option(names = "--load", defaultValue = "1000", description = "Total offered load in tx/s (default:"
            + " ${DEFAULT-VALUE}).")
    int load;

    BenchmarkParameters parameters(RunFlags flags, Duration duration) {
        return flags.parameters(protocol, committee, load, duration);
    }
}
