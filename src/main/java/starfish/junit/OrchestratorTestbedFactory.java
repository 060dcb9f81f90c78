package starfish.junit;

import starfish.orchestrator.benchmark.Orchestrator;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.orchestrator.testbed.TestbedProviders;

/** The real thing: the provider that {@code cloud_provider} names, and the orchestrator's benchmark flow. */
final class OrchestratorTestbedFactory implements TestbedFactory {

    @Override
    public TestbedProvider provider(Settings settings) {
        return TestbedProviders.create(settings);
    }

    @Override
    public BenchmarkRunner runner(Settings settings, TestbedProvider testbed) {
        return (parameters, listener) -> new Orchestrator(settings, testbed, RunOptions.defaults(), listener)
                .run(parameters);
    }
}
