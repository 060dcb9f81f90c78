package starfish.orchestrator.cloud.vultr;

import java.time.Duration;

/**
 * Timings of the Vultr client: how often to poll new instances, how many polls before giving up, how to back off
 * on HTTP 429 when the answer has no Retry-After, and how to wait (tests pass a sleeper that only records).
 */
public record VultrTuning(Duration pollInterval, int maxPolls, Duration retryBaseDelay, int maxAttempts, Sleeper sleeper) {

    /** Waits for a while; the production one is Thread.sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Polls every 5 s for up to 10 minutes; retries a 429 up to 6 times, from 1 s doubling. */
    public static VultrTuning defaults() {
        return new VultrTuning(Duration.ofSeconds(5), 120, Duration.ofSeconds(1), 6, d -> Thread.sleep(d.toMillis()));
    }

    void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Vultr API", e);
        }
    }
}
