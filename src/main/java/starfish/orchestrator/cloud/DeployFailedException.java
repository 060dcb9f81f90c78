package starfish.orchestrator.cloud;

import java.util.List;

/** A deploy that failed half way; `leftOver` names the resources its rollback could not remove (empty: clean). */
public final class DeployFailedException extends RuntimeException {
    private final List<String> leftOver;

    DeployFailedException(String message, List<String> leftOver, Throwable cause) {
        super(message, cause);
        this.leftOver = List.copyOf(leftOver);
    }

    public List<String> leftOver() {
        return leftOver;
    }
}
