package starfish.orchestrator.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Host-key check against one testbed's known_hosts file: a host seen for the first time is recorded, a host whose
 * key differs from the recorded one is refused (and remembered, so that the caller can say why). Once any key is
 * pinned for a host, a key of another type is refused too: trusting each key type on first use would let whoever
 * answers for the host with a type not yet pinned in. Never accepts every key.
 */
final class TrustOnFirstUseKnownHosts extends OpenSSHKnownHosts {
    private static final int SSH_PORT = 22;
    private final Path file;
    private final Set<String> changedHosts = ConcurrentHashMap.newKeySet();

    private TrustOnFirstUseKnownHosts(Path file) throws IOException {
        super(file.toFile());
        this.file = file;
    }

    static TrustOnFirstUseKnownHosts open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.notExists(file)) {
                Files.createFile(file);
            }
            return new TrustOnFirstUseKnownHosts(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the known_hosts file " + file, e);
        }
    }

    @Override
    public synchronized boolean verify(String hostname, int port, PublicKey key) {
        return super.verify(hostname, port, key);
    }

    /** The types of the keys pinned for `host`:`port` (empty: the host was never seen). */
    synchronized Set<KeyType> pinnedTypes(String host, int port) {
        return pinnedTypes(port == SSH_PORT ? host : "[" + host + "]:" + port);
    }

    private Set<KeyType> pinnedTypes(String knownHostsName) {
        Set<KeyType> types = EnumSet.noneOf(KeyType.class);
        for (KnownHostEntry entry : entries()) {
            try {
                if (entry.appliesTo(knownHostsName) && entry.getType() != KeyType.UNKNOWN) {
                    types.add(entry.getType());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the known_hosts entry " + entry.getLine() + " in " + file, e);
            }
        }
        return types;
    }

    /** Called with the name as known_hosts spells it (`[host]:port` off port 22) for a key of a type not pinned. */
    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        if (!pinnedTypes(hostname).isEmpty()) {
            changedHosts.add(hostname);
            return false;
        }
        try {
            HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
            entries().add(entry);
            write(entry);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the host key of " + hostname + " in " + file, e);
        }
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        changedHosts.add(hostname);
        return false;
    }

    /** Whether the last refusal of `host` was because its key changed (sshj itself only reports a failed check). */
    boolean keyChanged(String host, int port) {
        return changedHosts.contains(host) || changedHosts.contains("[" + host + "]:" + port);
    }

    Path file() {
        return file;
    }
}
