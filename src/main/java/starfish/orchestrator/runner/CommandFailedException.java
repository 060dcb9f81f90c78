package starfish.orchestrator.runner;

/** A command exited non-zero or could not run; the message names the host, the (redacted) command and stderr's tail. */
public class CommandFailedException extends RuntimeException {
    private final String host;

    public CommandFailedException(String host, String redactedCommand, String detail, Throwable cause) {
        super("on " + host + ": `" + redactedCommand + "` failed: " + detail, cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
