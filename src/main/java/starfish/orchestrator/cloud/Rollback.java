package starfish.orchestrator.cloud;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a deploy has created so far, each with the action that removes it. When the deploy fails half way the
 * resources are removed newest first; whatever cannot be removed is named in the exception with the way out.
 */
public final class Rollback {
    private static final Logger LOG = LoggerFactory.getLogger(Rollback.class);

    private record Created(String what, Runnable remove) {
    }

    private final String testbedId;
    private final KnownSecrets redactor;
    private final Deque<Created> created = new ArrayDeque<>();

    public Rollback(String testbedId, KnownSecrets redactor) {
        this.testbedId = testbedId;
        this.redactor = redactor;
    }

    /** Records a resource the deploy has just created (`what` names it for a human, e.g. "instance i-1 in ewr"). */
    public void created(String what, Runnable remove) {
        created.push(new Created(what, remove));
    }

    /** Removes everything recorded, newest first, and returns the exception that tells the user what happened. */
    public DeployFailedException undo(RuntimeException cause) {
        String reason = redactor.redact(cause.getMessage());
        LOG.warn("deploy of testbed '{}' failed ({}); removing the {} resources it created", testbedId, reason, created.size());
        List<String> left = new ArrayList<>();
        while (!created.isEmpty()) {
            Created resource = created.pop();
            try {
                resource.remove().run();
            } catch (RuntimeException e) {
                left.add(resource.what() + " (" + redactor.redact(e.getMessage()) + ")");
            }
        }
        String message = "deploying testbed '" + testbedId + "' failed: " + reason + "; ";
        if (left.isEmpty()) {
            message += "everything the deploy created was removed";
        } else {
            message += "these resources are left: " + String.join(", ", left) + ". Remove them with `testbed destroy` "
                    + "using the same settings file: it sweeps everything tagged '" + testbedId
                    + "' in every configured region";
        }
        return new DeployFailedException(message, left, cause);
    }
}
