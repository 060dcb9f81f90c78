package starfish.orchestrator.cloud;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.host.Instance;

/**
 * How a deploy makes sure its new instances accept SSH before it returns them: a provider reports an instance
 * running well before its sshd lets the testbed's key in. Each attempt is one probe; the real one runs `true` through
 * the testbed's SSH runner, which itself retries the connection ssh_retries times, each within ssh_timeout. A failed
 * attempt waits `pause` before the next.
 */
public record SshReadiness(Probe probe, int attempts, Duration pause) {
    private static final Logger LOG = LoggerFactory.getLogger(SshReadiness.class);

    /** Returns when `instance` ran a command over SSH; throws saying why it did not. */
    @FunctionalInterface
    public interface Probe {
        void check(CommandRunner runner, Instance instance);
    }

    public SshReadiness {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
    }

    /** Logs in and runs `true`: up to 12 attempts 10 s apart, enough for a cloud image to boot its sshd. */
    public static SshReadiness login() {
        return new SshReadiness((runner, instance) -> runner.execute(instance, "true"), 12, Duration.ofSeconds(10));
    }

    /** Returns once every instance answered; throws naming the first that did not, with its last failure. */
    void await(CommandRunner runner, List<Instance> instances, String user) {
        for (Instance instance : instances) {
            awaitOne(runner, instance, user);
        }
    }

    private void awaitOne(CommandRunner runner, Instance instance, String user) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                probe.check(runner, instance);
                return;
            } catch (RuntimeException e) {
                last = e;
                LOG.debug("instance {} does not answer SSH yet (attempt {}/{}): {}", instance.id(), attempt, attempts,
                        e.getMessage());
            }
            if (attempt < attempts) {
                waitBeforeNextAttempt();
            }
        }
        throw new IllegalStateException("instance " + instance.id() + " (" + instance.publicIp() + ") in "
                + instance.region() + " did not answer SSH as " + user + " after " + attempts + " attempts: "
                + last.getMessage(), last);
    }

    private void waitBeforeNextAttempt() {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for instances to answer SSH", e);
        }
    }
}
