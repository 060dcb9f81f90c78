package starfish.orchestrator.netns;

/** The netns testbed could not be set up, changed or torn down; the message says which step and why. */
public final class NetnsException extends RuntimeException {

    NetnsException(String message) {
        super(message);
    }

    NetnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
