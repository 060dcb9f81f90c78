package starfish.node.core;

/**
 * How long a validator waits at least between its proposals: min_round_interval_ms, so that transactions batch
 * into fewer blocks; or idle_round_interval_ms while it proposes fewer than IDLE_BLOCK_TRANSACTIONS transactions per
 * minimum interval (measured over the last second), where batching saves little and every round sooner commits a
 * transaction sooner. Until a second has been measured, and when idle_round_interval_ms is -1, the minimum
 * interval applies.
 */
final class RoundPacing {
    static final int IDLE_BLOCK_TRANSACTIONS = 10;
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final long minIntervalNanos;
    private final long idleIntervalNanos;
    private long windowStartNanos;
    private long windowTransactions;
    private boolean idle;

    /** `idleIntervalMs` below zero: unset. */
    RoundPacing(long minIntervalMs, long idleIntervalMs, long nowNanos) {
        this.minIntervalNanos = minIntervalMs * 1_000_000L;
        this.idleIntervalNanos = idleIntervalMs < 0 ? minIntervalNanos : idleIntervalMs * 1_000_000L;
        this.windowStartNanos = nowNanos;
    }

    long intervalNanos() {
        return idle ? idleIntervalNanos : minIntervalNanos;
    }

    /** Counts a proposal of `transactions`; once a second has passed, decides whether the validator is idle. */
    void proposed(int transactions, long nowNanos) {
        windowTransactions += transactions;
        long elapsed = nowNanos - windowStartNanos;
        if (elapsed >= WINDOW_NANOS) {
            // fewer than IDLE_BLOCK_TRANSACTIONS per minimum interval: rate x interval < IDLE_BLOCK_TRANSACTIONS
            idle = windowTransactions * minIntervalNanos < IDLE_BLOCK_TRANSACTIONS * elapsed;
            windowStartNanos = nowNanos;
            windowTransactions = 0;
        }
    }
}
