package starfish.orchestrator.testbed;

import java.util.List;
import java.util.Optional;
import starfish.orchestrator.benchmark.BenchmarkFlow;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.Orchestrator;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;

/**
 * How instances come to exist and how to reach them. One implementation per `cloud_provider`; the benchmark flow
 * is the same for all of them. Closing releases connections but leaves the instances as they are.
 */
public interface TestbedProvider extends AutoCloseable {

    /** Creates `perRegion` instances in each configured region, or only in `region` when given. */
    List<Instance> deploy(int perRegion, Optional<String> region);

    /** Every instance of this testbed, in a stable order (region, then creation). */
    List<Instance> instances();

    /** Boots stopped instances (all of them, or as many per region as asked for). */
    void start(int perRegion);

    /** Stops instances without destroying them. */
    void stop();

    /**
     * Removes every instance and resource of this testbed that this machine's deploys created (on clouds: those
     * tagged with the testbed id and this machine's owner token); also the sweep for orphans of an earlier crash.
     */
    void destroy();

    /** As destroy, and also what others deployed under the same testbed id (`testbed destroy --force`). */
    default void destroyIncludingOtherOwners() {
        destroy();
    }

    /**
     * Shell commands to run on every instance before the install step (e.g. mounting a local NVMe disk on the
     * working directory); idempotent, so running them before each benchmark is harmless.
     */
    default List<String> preparationCommands() {
        return List.of();
    }

    /** The command line that opens a shell on `instance`, where the provider reaches it over SSH. */
    default Optional<String> sshCommand(Instance instance) {
        return Optional.empty();
    }

    /**
     * Why this testbed never has instances, for one whose validators run elsewhere (in the benchmark's own JVM): the
     * testbed commands print it instead of acting, and a session neither provisions nor keeps nor destroys anything.
     * Empty for every testbed with instances.
     */
    default Optional<String> withoutInstances() {
        return Optional.empty();
    }

    /** What the flow needs to know about this testbed's hosts. */
    HostTraits traits();

    /** Runs commands on this testbed's instances. */
    CommandRunner commandRunner();

    /** How benchmarks run on this testbed: the one benchmark flow over its instances, by default. */
    default BenchmarkFlow benchmarkFlow(Settings settings, RunOptions options, BenchmarkListener listener) {
        return new Orchestrator(settings, this, options, listener);
    }

    @Override
    void close();
}
