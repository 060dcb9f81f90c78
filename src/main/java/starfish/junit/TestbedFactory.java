package starfish.junit;

import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * Where a benchmark class's testbed, its monitoring and its runs come from. The default is the orchestrator's; the
 * configuration parameter {@value #PARAMETER} names another implementation (a public class with a no-argument
 * constructor), which the extension's own tests use to observe the testbed's life cycle.
 */
public interface TestbedFactory {
    String PARAMETER = "starfish.junit.testbed-factory";

    TestbedProvider provider(Settings settings);

    /** Monitoring for the whole life of the provisioned testbed: started once it is provisioned, closed with it. */
    default MonitoringHandle monitoring(Settings settings, TestbedProvider testbed) {
        return new NoMonitoring();
    }

    BenchmarkRunner runner(Settings settings, TestbedProvider testbed);
}
