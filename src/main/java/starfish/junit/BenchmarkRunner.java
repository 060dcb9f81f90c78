package starfish.junit;

import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.monitoring.MonitoringHandle;

/** Runs one benchmark on a provisioned testbed, pointing the testbed's monitoring at its validators. */
@FunctionalInterface
public interface BenchmarkRunner {

    BenchmarkOutcome run(BenchmarkParameters parameters, BenchmarkListener listener, MonitoringHandle monitoring);
}
