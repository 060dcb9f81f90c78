package starfish.node.net;

/**
 * How many missing references the synchronizer may request: a bucket that holds at most one request's worth and
 * refills at a fixed rate. A flood of blocks naming invented parents then costs honest peers a bounded stream of
 * requests instead of the whole missing set every retry. What does not fit stays missing and is asked for later.
 */
final class SyncRequestBudget {

    private final long capacity;
    private final long referencesPerSecond;
    private double available;
    private long lastNanos;

    SyncRequestBudget(long capacity, long referencesPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.referencesPerSecond = referencesPerSecond;
        this.available = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes up to `wanted` references from the budget; returns how many may be requested now. */
    int take(int wanted, long nowNanos) {
        available = Math.min(capacity, available + (nowNanos - lastNanos) / 1e9 * referencesPerSecond);
        lastNanos = nowNanos;
        int granted = (int) Math.min(wanted, Math.floor(available));
        available -= granted;
        return granted;
    }
}
