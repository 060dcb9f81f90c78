package starfish.junit;

import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;

/** Runs one benchmark on a provisioned testbed. */
@FunctionalInterface
public interface BenchmarkRunner {

    BenchmarkOutcome run(BenchmarkParameters parameters, BenchmarkListener listener);
}
