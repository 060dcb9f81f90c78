package starfish.junit;

import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * Where a benchmark class's testbed and runs come from. The default is the orchestrator's; the configuration
 * parameter {@value #PARAMETER} names another implementation (a public class with a no-argument constructor),
 * which the extension's own tests use to observe the testbed's life cycle.
 */
public interface TestbedFactory {
    String PARAMETER = "starfish.junit.testbed-factory";

    TestbedProvider provider(Settings settings);

    BenchmarkRunner runner(Settings settings, TestbedProvider testbed);
}
