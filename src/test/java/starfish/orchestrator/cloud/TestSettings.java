package starfish.orchestrator.cloud;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import starfish.orchestrator.settings.CloudProvider;
import starfish.orchestrator.settings.Faults;
import starfish.orchestrator.settings.Settings;

/** Settings for cloud testbed tests: everything that does not matter to a provider keeps its default. */
public final class TestSettings {

    private TestSettings() {
    }

    public static Settings cloud(CloudProvider provider, String testbedId, Path tokenFile, Path privateKey,
                                 List<String> regions, String specs, String endpoint, int maxInstances, boolean nvme,
                                 boolean vultrVpc) {
        Settings d = Settings.defaults();
        return new Settings(testbedId, provider, Optional.of(tokenFile), Optional.of(privateKey), Optional.empty(),
                regions, specs, Optional.empty(), Optional.empty(), Optional.empty(), d.benchmarkDuration(),
                Faults.none(), "working_dir", d.resultsDir(), d.logsDir(), nvme, d.scrapeInterval(), false, 0, false,
                Duration.ofSeconds(5), 1, provider == CloudProvider.AWS ? Optional.of(endpoint) : Optional.empty(),
                provider == CloudProvider.VULTR ? Optional.of(endpoint) : Optional.empty(), maxInstances, vultrVpc,
                Settings.defaults().simulation());
    }
}
