package starfish.orchestrator.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One authenticated SSH connection per host, opened on first use with retries and reopened when it dropped. */
final class SshConnections implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshConnections.class);
    private static final int KEEP_ALIVE_SECONDS = 15;

    private final String user;
    private final Path privateKey;
    private final TrustOnFirstUseKnownHosts knownHosts;
    private final int port;
    private final Duration timeout;
    private final ConnectBackoff backoff;
    private final DefaultConfig config = new DefaultConfig();
    private final Map<String, SSHClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Object> hostLocks = new ConcurrentHashMap<>();

    SshConnections(String user, Path privateKey, TrustOnFirstUseKnownHosts knownHosts, int port, Duration timeout,
            ConnectBackoff backoff) {
        this.user = user;
        this.privateKey = privateKey;
        this.knownHosts = knownHosts;
        this.port = port;
        this.timeout = timeout;
        this.backoff = backoff;
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    /** The live connection to `host`, connecting (again) when there is none. */
    SSHClient get(String host) {
        synchronized (hostLocks.computeIfAbsent(host, h -> new Object())) {
            SSHClient client = clients.get(host);
            if (client != null && client.isConnected() && client.isAuthenticated()) {
                return client;
            }
            if (client != null) {
                closeQuietly(client);
            }
            SSHClient fresh = connectWithRetries(host);
            clients.put(host, fresh);
            return fresh;
        }
    }

    /** Drops the cached connection to `host` so that the next use reconnects. */
    void forget(String host) {
        synchronized (hostLocks.computeIfAbsent(host, h -> new Object())) {
            SSHClient client = clients.remove(host);
            if (client != null) {
                closeQuietly(client);
            }
        }
    }

    private SSHClient connectWithRetries(String host) {
        String target = user + "@" + host + ":" + port;
        Exception last = null;
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            SSHClient client = new SSHClient(config);
            try {
                connect(client, host);
                return client;
            } catch (IOException e) {
                closeQuietly(client);
                if (knownHosts.keyChanged(host, port)) {
                    throw new SshConnectException("cannot connect to " + target + ": "
                            + new HostKeyChangedException(host, knownHosts.file().toString()).getMessage(), e);
                }
                if (e instanceof UserAuthException) {
                    throw new SshConnectException("cannot connect to " + target + ": the host refused the key "
                            + privateKey + " (" + e.getMessage() + ")", e);
                }
                last = e;
                if (attempt < backoff.attempts()) {
                    Duration pause = backoff.delayAfter(attempt);
                    LOG.debug("SSH to {} failed (attempt {}/{}): {}; retrying in {} ms", target, attempt,
                            backoff.attempts(), e.toString(), pause.toMillis());
                    sleep(pause);
                }
            }
        }
        throw new SshConnectException("cannot connect to " + target + " after " + backoff.attempts()
                + " attempt(s) with a timeout of " + timeout.toMillis() + " ms: " + last, last);
    }

    private void connect(SSHClient client, String host) throws IOException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        client.addHostKeyVerifier(knownHosts);
        client.setConnectTimeout(timeoutMillis);
        client.setTimeout(timeoutMillis);
        client.connect(host, port);
        client.getConnection().getKeepAlive().setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        client.authPublickey(user, client.loadKeys(privateKey.toString()));
        // The read timeout guards the handshake only: commands such as builds may stay silent for long, and the
        // keep-alive detects a dead connection instead.
        client.getSocket().setSoTimeout(0);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SshConnectException("interrupted while waiting to retry SSH", e);
        }
    }

    private static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("closing an SSH connection failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        clients.values().forEach(SshConnections::closeQuietly);
        clients.clear();
    }
}
