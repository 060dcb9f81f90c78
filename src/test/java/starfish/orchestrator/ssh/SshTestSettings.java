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
        return d.withLocations(d.locations().withWorkingDir(workingDir.toString()))
                .withSsh(new Settings.Ssh(d.ssh().privateKeyFile(), d.ssh().publicKeyFile(), sshTimeout, sshRetries));
    }
}
