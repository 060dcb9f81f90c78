package starfish.orchestrator.testbed;

import starfish.orchestrator.settings.Settings;

/** Picks the TestbedProvider for `cloud_provider`. */
public final class TestbedProviders {

    private TestbedProviders() {
    }

    public static TestbedProvider create(Settings settings) {
        throw new UnsupportedOperationException("no testbed provider for " + settings.cloudProvider().yamlName() + " yet");
    }
}
