package starfish.orchestrator.testbed;

import starfish.orchestrator.settings.Settings;

/** Picks the TestbedProvider for `cloud_provider`. */
public final class TestbedProviders {

    private TestbedProviders() {
    }

    public static TestbedProvider create(Settings settings) {
        return switch (settings.cloudProvider()) {
            case LOCAL -> new LocalTestbed(settings);
            case NETNS, AWS, VULTR -> throw new UnsupportedOperationException("cloud_provider "
                    + settings.cloudProvider().yamlName() + " is not available in this build; use cloud_provider: local");
        };
    }
}
