package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import starfish.orchestrator.cloud.CloudState;
import starfish.orchestrator.cloud.CloudTestbed;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.settings.MonitoringServer;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsException;
import starfish.orchestrator.ssh.SshRunner;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * How the orchestrator reaches `monitoring_server`: over SSH as the user it names (else the testbed's login user),
 * with the testbed's key, trusting its host key on first use in a known_hosts file of its own.
 */
final class MonitoringServerAccess {
    static final String INSTANCE_ID = "monitoring-server";

    private MonitoringServerAccess() {
    }

    /** The server as an instance: it is no instance of the testbed, so no testbed command ever lists or removes it. */
    static Instance instance(MonitoringServer server) {
        return new Instance(INSTANCE_ID, "external", server.host(), server.host(), InstanceStatus.ACTIVE);
    }

    /** The testbed's runner, with the server's commands routed over the server's own connection. */
    static MonitoringServerRunner runner(Settings settings, TestbedProvider testbed) {
        MonitoringServer server = settings.monitoring().server().orElseThrow();
        String user = server.user().orElseGet(() -> testbed instanceof CloudTestbed cloud ? cloud.sshUser() : "root");
        Path key = testbed instanceof CloudTestbed cloud ? cloud.sshPrivateKey()
                : settings.ssh().privateKeyFile().orElseThrow(() -> new SettingsException("monitoring_server "
                + server + " is reached over SSH with ssh_private_key_file, which the settings do not set"));
        Path knownHosts = CloudState.of(settings).knownHosts().resolveSibling("monitoring_server_known_hosts");
        return new MonitoringServerRunner(testbed.commandRunner(), instance(server),
                new SshRunner(settings, user, key, knownHosts));
    }
}
