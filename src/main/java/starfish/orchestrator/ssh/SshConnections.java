package starfish.orchestrator.ssh;

import com.hierynomus.sshj.key.KeyAlgorithms;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.TransportException;
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
    }

    /**
     * The client configuration for a host whose pinned key types are `pinned`: it offers only the signature
     * algorithms of those types, so a host never gets to present a key of a type nobody pinned (nothing pinned:
     * every algorithm, and the first key is recorded).
     */
    static DefaultConfig configFor(Set<KeyType> pinned) {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        if (!pinned.isEmpty()) {
            config.setKeyAlgorithms(config.getKeyAlgorithms().stream()
                    .filter(a -> a instanceof KeyAlgorithms.Factory f && pinned.contains(f.getKeyType())).toList());
        }
        return config;
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
            Set<KeyType> pinned = knownHosts.pinnedTypes(host, port);
            SSHClient client = new SSHClient(configFor(pinned));
            try {
                connect(client, host);
                return client;
            } catch (IOException e) {
                closeQuietly(client);
                if (knownHosts.keyChanged(host, port)) {
                    throw new SshConnectException("cannot connect to " + target + ": "
                            + new HostKeyChangedException(host, knownHosts.file().toString()).getMessage(), e);
                }
                if (!pinned.isEmpty() && noCommonHostKeyAlgorithm(e)) {
                    throw new SshConnectException("cannot connect to " + target + ": the host offers no key of the "
                            + "type pinned for it " + pinned + " in " + knownHosts.file() + "; refusing to trust another "
                            + "type. If the host was recreated on purpose, delete its lines from that file.", e);
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

    /** sshj reports a failed negotiation of host key algorithms only in the message of a transport failure. */
    private static boolean noCommonHostKeyAlgorithm(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransportException && String.valueOf(t.getMessage()).contains("HostKeyAlgorithms")) {
                return true;
            }
        }
        return false;
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
