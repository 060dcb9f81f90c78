package starfish.orchestrator.ssh;

import java.time.Duration;

/** How often and how patiently to retry an SSH connection: the delay doubles after every failed attempt. */
record ConnectBackoff(int retries, Duration firstDelay, Duration maxDelay) {

    static ConnectBackoff of(int retries) {
        return new ConnectBackoff(retries, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    ConnectBackoff {
        if (retries < 0) {
            throw new IllegalArgumentException("ssh_retries must be >= 0, was " + retries);
        }
    }

    int attempts() {
        return retries + 1;
    }

    /** The pause after failed attempt number `attempt` (1-based). */
    Duration delayAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
