package starfish.orchestrator.benchmark;

import starfish.orchestrator.monitoring.MonitoringHandle;

/**
 * Runs benchmarks on one testbed and returns their outcomes (summary, measurements file, logs). The testbed
 * supplies it: the {@link Orchestrator}'s flow over hosts that run commands, or the simulation's committee in one JVM.
 */
public interface BenchmarkFlow {

    /** Runs one benchmark to the end; throws when the testbed or the run fails. */
    BenchmarkOutcome run(BenchmarkParameters parameters);

    /** Points `monitoring` at each run's validators. */
    BenchmarkFlow monitoredBy(MonitoringHandle monitoring);

    /** Ends runs of duration zero when `stop` is requested (they have no end of their own). */
    BenchmarkFlow stoppedBy(RunStop stop);

    /** Lets runs have more Byzantine validators than the committee tolerates (f); refused otherwise. */
    BenchmarkFlow allowUnsafeByzantine(boolean allow);
}
