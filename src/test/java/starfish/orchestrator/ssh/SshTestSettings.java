package starfish.orchestrator.ssh;

import java.nio.file.Path;
import java.time.Duration;
import starfish.orchestrator.settings.Settings;

/** Settings for SSH tests: the defaults with a given working directory, SSH timeout and retry count. */
final class SshTestSettings {

    private SshTestSettings() {
    }

    static Settings with(Path workingDir, Duration sshTimeout, int sshRetries) {
        Settings d = Settings.defaults();
        return new Settings(d.testbedId(), d.cloudProvider(), d.tokenFile(), d.sshPrivateKeyFile(),
                d.sshPublicKeyFile(), d.regions(), d.specs(), d.repository(), d.nodeParametersPath(),
                d.clientParametersPath(), d.benchmarkDuration(), d.faults(), workingDir.toString(), d.resultsDir(),
                d.logsDir(), d.nvme(), d.scrapeInterval(), d.logProcessing(), d.dedicatedClients(), d.monitoring(),
                sshTimeout, sshRetries, d.awsEndpointUrl(), d.vultrApiUrl(), d.maxInstances(), d.vultrVpc(), d.simulation());
    }
}
