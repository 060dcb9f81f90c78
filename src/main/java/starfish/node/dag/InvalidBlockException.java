package starfish.node.dag;

/** A block that decodes but breaks a rule; `reason` is the metric label (bad-signature, invalid-block, ...). */
public final class InvalidBlockException extends Exception {

    private final String reason;

    public InvalidBlockException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
