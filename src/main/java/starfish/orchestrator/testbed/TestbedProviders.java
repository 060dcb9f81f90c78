package starfish.orchestrator.testbed;

import starfish.orchestrator.cloud.aws.AwsTestbed;
import starfish.orchestrator.cloud.vultr.VultrTestbed;
import starfish.orchestrator.netns.NetnsTestbed;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.simulated.SimulatedTestbed;

/** Picks the TestbedProvider for `cloud_provider`. */
public final class TestbedProviders {

    private TestbedProviders() {
    }

    public static TestbedProvider create(Settings settings) {
        return switch (settings.cloudProvider()) {
            case LOCAL -> new LocalTestbed(settings);
            case NETNS -> new NetnsTestbed(settings);
            case AWS -> AwsTestbed.create(settings);
            case VULTR -> new VultrTestbed(settings);
            case SIMULATED -> new SimulatedTestbed();
        };
    }
}
