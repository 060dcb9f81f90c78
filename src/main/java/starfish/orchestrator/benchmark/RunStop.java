package starfish.orchestrator.benchmark;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a run that has no duration (`--duration 0`, `benchmark_duration: 0`) from outside, for example on Ctrl-C: the
 * run scrapes once more, stops its validators, checks safety and summarises as if its time were up.
 */
public final class RunStop {
    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits until `deadlineNanos` (System.nanoTime) or a stop request, whichever comes first. */
    void awaitUntil(long deadlineNanos) {
        try {
            requested.await(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }
}
