package starfish.orchestrator.cloud;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import starfish.orchestrator.settings.CloudProvider;
import starfish.orchestrator.settings.Settings;

/** Settings for cloud testbed tests: everything that does not matter to a provider keeps its default. */
public final class TestSettings {

    private TestSettings() {
    }

    public static Settings cloud(CloudProvider provider, String testbedId, Path tokenFile, Path privateKey,
                                 List<String> regions, String specs, String endpoint, int maxInstances, boolean nvme,
                                 boolean vultrVpc) {
        Settings d = Settings.defaults();
        return d.withTestbed(new Settings.Testbed(testbedId, provider, regions, specs, maxInstances,
                        Optional.of(tokenFile)))
                .withSsh(new Settings.Ssh(Optional.of(privateKey), Optional.empty(), Duration.ofSeconds(5), 1))
                .withAws(new Settings.Aws(provider == CloudProvider.AWS ? Optional.of(endpoint) : Optional.empty(), nvme))
                .withVultr(new Settings.Vultr(provider == CloudProvider.VULTR ? Optional.of(endpoint) : Optional.empty(),
                        vultrVpc))
                .withLocations(d.locations().withWorkingDir("working_dir"));
    }
}
