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
        return new Settings(testbedId, CloudProvider.NETNS, d.tokenFile(), d.sshPrivateKeyFile(),
                d.sshPublicKeyFile(), regions, d.specs(), d.repository(), d.nodeParametersPath(),
                d.clientParametersPath(), d.benchmarkDuration(), d.faults(), "starfish", d.resultsDir(),
                d.logsDir(), d.nvme(), d.scrapeInterval(), d.logProcessing(), d.dedicatedClients(), d.monitoring(),
                Duration.ofSeconds(10), 3, d.awsEndpointUrl(), d.vultrApiUrl(), d.maxInstances(), d.vultrVpc(), d.simulation());
    }
}
