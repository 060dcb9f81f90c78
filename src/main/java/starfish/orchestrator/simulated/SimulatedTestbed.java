package starfish.orchestrator.simulated;

import java.util.List;
import java.util.Optional;
import starfish.orchestrator.benchmark.BenchmarkFlow;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * `cloud_provider: simulated`: no hosts at all. Each benchmark runs its whole committee in this JVM, in virtual
 * time, so there is nothing to deploy, start, stop or destroy, and no command to run anywhere.
 */
public final class SimulatedTestbed implements TestbedProvider {

    /** Nothing to create or remove per command, nothing to install, no host to reserve: all of it is this JVM. */
    private static final HostTraits IN_THIS_JVM = new HostTraits(true, true, true, true, false, false, false, false);

    @Override
    public Optional<String> withoutInstances() {
        return Optional.of("The simulated testbed has no instances: each benchmark runs its whole committee inside the"
                + " benchmark's own JVM, in virtual time, and nothing outlives the benchmark. Run `benchmark` with"
                + " these settings directly.");
    }

    @Override
    public HostTraits traits() {
        return IN_THIS_JVM;
    }

    @Override
    public List<Instance> deploy(int perRegion, Optional<String> region) {
        return List.of();
    }

    @Override
    public List<Instance> instances() {
        return List.of();
    }

    @Override
    public void start(int perRegion) {
        // validators start with each benchmark
    }

    @Override
    public void stop() {
        // validators stop with each benchmark
    }

    @Override
    public void destroy() {
        // nothing outlives a benchmark
    }

    @Override
    public CommandRunner commandRunner() {
        throw new UnsupportedOperationException("the simulated testbed has no hosts to run commands on: its"
                + " validators run inside each benchmark");
    }

    @Override
    public BenchmarkFlow benchmarkFlow(Settings settings, RunOptions options, BenchmarkListener listener) {
        return new SimulatedBenchmark(settings, listener);
    }

    @Override
    public void close() {
        // holds nothing
    }
}
