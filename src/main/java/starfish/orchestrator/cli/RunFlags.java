package starfish.orchestrator.cli;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;
import starfish.node.net.MimickedLatency;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SimulationSettings;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** The options every benchmarking command shares: the attack, the network, and how the testbed is treated. */
final class RunFlags {

    @Option(names = "--byzantine-nodes", defaultValue = "0", description = "How many validators misbehave.")
    int byzantineNodes;

    @Option(names = "--byzantine-strategy", defaultValue = "honest", converter = CliConverters.StrategyConverter.class,
            description = "timeout-leader, leader-withholding, chain-bomb, chain-bomb-quorum, equivocating-chains,"
                    + " equivocating-two-chains, equivocating-chains-bomb, random-drop or ramp-up-withholding"
                    + " (honest, or the reference's `timeout`: none).")
    ByzantineStrategy byzantineStrategy;

    @Option(names = "--allow-unsafe-byzantine",
            description = "Run even with more Byzantine nodes than the committee tolerates (f = (n-1)/3).")
    boolean allowUnsafeByzantine;

    @Option(names = "--mimic-extra-latency", description = "Validators delay messages like a 10-region deployment.")
    boolean mimicExtraLatency;

    @Option(names = "--uniform-latency-ms", description = "Every link gets this one-way delay in milliseconds instead"
            + " of the RTT table (validators add it before each message; the simulated testbed's links carry it);"
            + " overrides uniform_latency_ms of the settings.")
    Double uniformLatencyMs;

    @Option(names = "--seed", description = "cloud_provider simulated: the seed of the runs; the same seed and"
            + " settings give the same runs (default: simulation_seed from the settings, else "
            + SimulationSettings.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--use-internal-ip-addresses", description = "Validators reach each other on internal IPs.")
    boolean useInternalIpAddresses;

    @Option(names = "--skip-testbed-update", description = "Keep the build already on the hosts.")
    boolean skipTestbedUpdate;

    @Option(names = "--skip-testbed-configuration", description = "Keep the genesis files already on the hosts.")
    boolean skipTestbedConfiguration;

    @Option(names = "--upload-local-build", description = "Upload the jar this command runs from (target/starfish.jar"
            + " when run from classes) instead of building on the hosts.")
    boolean uploadLocalBuild;

    @Option(names = "--monitoring", description = "Run Prometheus (and Grafana when installed) during the runs and"
            + " print their URLs; also on with `monitoring: true` in the settings.")
    boolean monitoring;

    @Option(names = "--spare-instances", defaultValue = "0", paramLabel = "N", description = "Keep N active instances"
            + " beyond what the committee, the monitoring host and dedicated_clients need: started or deployed with"
            + " the rest, taken by the next run when a committee host stops or is reclaimed (default: 0).")
    int spareInstances;

    @Option(names = "--destroy-testbed-after", description = "Destroy the testbed when the command ends, also when it"
            + " fails (logs and results are collected first); by default netns and cloud testbeds are kept.")
    boolean destroyTestbedAfter;

    /** The settings with this command line's seed and uniform latency, where given. */
    Settings apply(Settings settings) {
        Settings seeded = seed == null ? settings : settings.withSimulationSeed(seed);
        return uniformLatencyMs == null ? seeded : seeded.withSimulation(seeded.simulation().withUniformLatency(
                Optional.of(MimickedLatency.oneWayDelay("--uniform-latency-ms", uniformLatencyMs))));
    }

    RunOptions runOptions() {
        return new RunOptions(skipTestbedUpdate, skipTestbedConfiguration, useInternalIpAddresses, uploadLocalBuild);
    }

    BenchmarkParameters parameters(Consensus consensus, int committee, int load, Duration duration) {
        return BenchmarkParameters.builder().consensus(consensus).committee(committee).load(load)
                .byzantine(byzantineNodes, byzantineStrategy).mimicExtraLatency(mimicExtraLatency)
                .duration(duration).build();
    }
}
