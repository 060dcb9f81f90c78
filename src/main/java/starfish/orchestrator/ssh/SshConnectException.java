package starfish.orchestrator.ssh;

/** No SSH session could be opened to a host (unreachable, timed out, refused the key or presented a changed key). */
public final class SshConnectException extends RuntimeException {

    SshConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
