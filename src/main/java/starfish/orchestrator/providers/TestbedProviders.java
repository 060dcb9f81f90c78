package starfish.orchestrator.providers;

import starfish.orchestrator.cloud.aws.AwsTestbed;
import starfish.orchestrator.cloud.vultr.VultrTestbed;
import starfish.orchestrator.netns.NetnsTestbed;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.simulated.SimulatedTestbed;
import starfish.orchestrator.testbed.LocalTestbed;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * Picks the TestbedProvider for `cloud_provider`: the one place that knows every provider, kept apart from the testbed
 * abstractions that the providers themselves build on.
 */
public final class TestbedProviders {

    private TestbedProviders() {
    }

    public static TestbedProvider create(Settings settings) {
        return switch (settings.testbed().cloudProvider()) {
            case LOCAL -> new LocalTestbed(settings);
            case NETNS -> new NetnsTestbed(settings);
            case AWS -> AwsTestbed.create(settings);
            case VULTR -> new VultrTestbed(settings);
            case SIMULATED -> new SimulatedTestbed();
        };
    }
}
