package starfish.orchestrator.netns;

import java.time.Duration;
import java.util.List;
import starfish.orchestrator.settings.CloudProvider;
import starfish.orchestrator.settings.Settings;

/** Settings of a netns testbed for tests: the defaults with a testbed id, regions and a quick SSH timeout. */
final class NetnsTestSettings {

    private NetnsTestSettings() {
    }

    static Settings of(String testbedId, List<String> regions) {
        Settings d = Settings.defaults();
        Settings.Testbed t = d.testbed();
        return d.withTestbed(new Settings.Testbed(testbedId, CloudProvider.NETNS, regions, t.specs(), t.maxInstances(),
                        t.tokenFile()))
                .withLocations(d.locations().withWorkingDir("starfish"))
                .withSsh(new Settings.Ssh(d.ssh().privateKeyFile(), d.ssh().publicKeyFile(), Duration.ofSeconds(10), 3));
    }
}
