package starfish.orchestrator.ssh;

/** A host presented a key other than the one recorded for it: possibly a recreated host, possibly an attack. */
public final class HostKeyChangedException extends RuntimeException {

    HostKeyChangedException(String host, String knownHostsFile) {
        super("the SSH host key of " + host + " differs from the one recorded in " + knownHostsFile
                + "; refusing to connect. If the host was recreated on purpose, delete its line from that file.");
    }
}
