package starfish.junit;

import io.qameta.allure.Allure;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.monitoring.Monitoring;
import starfish.orchestrator.monitoring.MonitoringHandle;
import starfish.orchestrator.monitoring.NoMonitoring;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.providers.TestbedProviders;

/** The real thing: the provider that {@code cloud_provider} names, and the orchestrator's benchmark flow. */
final class OrchestratorTestbedFactory implements TestbedFactory {

    @Override
    public TestbedProvider provider(Settings settings) {
        return TestbedProviders.create(settings);
    }

    /** With `monitoring: true`, Prometheus (and Grafana): its URLs and password are printed once per testbed. */
    @Override
    public MonitoringHandle monitoring(Settings settings, TestbedProvider testbed) {
        return settings.monitoring().enabled()
                ? Monitoring.start(settings, testbed, false, System.out::println)
                : new NoMonitoring();
    }

    /** Each run retargets the testbed's monitoring and links it from its Allure test. */
    @Override
    public BenchmarkRunner runner(Settings settings, TestbedProvider testbed) {
        return (parameters, listener, monitoring) -> {
            monitoring.url().ifPresent(url -> Allure.link("Monitoring", url.toString()));
            return testbed.benchmarkFlow(settings, RunOptions.defaults(), listener).monitoredBy(monitoring)
                    .run(parameters);
        };
    }
}
