package starfish.orchestrator.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.ssh.SshRunner;
import starfish.orchestrator.host.Instance;

/**
 * How the orchestrator logs into a cloud testbed: the provider's user, the settings' key, and a known_hosts file
 * of its own per testbed (trust on first use), dropped on destroy because providers hand the addresses out again.
 * Every command renews the instance's dead-man switch.
 */
public final class SshAccess implements AutoCloseable {
    private final Settings settings;
    private final String user;
    private final SshKeys keys;
    private final Path knownHosts;
    private final SshReadiness readiness;
    private SshRunner runner;

    public SshAccess(Settings settings, String user, SshReadiness readiness) {
        this.settings = settings;
        this.user = user;
        this.readiness = readiness;
        this.keys = SshKeys.from(settings);
        this.knownHosts = CloudState.of(settings).knownHosts();
    }

    public String user() {
        return user;
    }

    public SshKeys keys() {
        return keys;
    }

    public Path knownHostsFile() {
        return knownHosts;
    }

    public synchronized CommandRunner runner() {
        if (runner == null) {
            runner = new SshRunner(settings, user, keys.privateKey(), knownHosts,
                    DeadManSwitch.renewal(settings.ssh().instanceLifetime()));
        }
        return runner;
    }

    /** Returns once every instance runs a command over SSH; throws naming one that does not. */
    public void awaitAnswering(List<Instance> instances) {
        readiness.await(runner(), instances, user);
    }

    /** Forgets the host keys of a destroyed testbed, so that a new instance on a recycled address is not refused. */
    public synchronized void forgetHosts() {
        close();
        try {
            Files.deleteIfExists(knownHosts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + knownHosts, e);
        }
    }

    @Override
    public synchronized void close() {
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }
}
