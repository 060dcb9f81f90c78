package starfish.node.dag;

import starfish.node.metrics.RejectionReason;

/** A block that decodes but breaks a rule, with the reason it is counted under. */
public final class InvalidBlockException extends Exception {

    private final RejectionReason reason;

    public InvalidBlockException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
