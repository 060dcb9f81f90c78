package starfish.node.net;

/**
 * A budget that holds at most `capacity` units and refills at a fixed rate. The synchronizer takes the references
 * it requests from one (a flood of blocks naming invented parents then costs honest peers a bounded stream of
 * requests instead of the whole missing set every retry); {@link AnswerLimits} takes the answers it gives each peer
 * from others. What does not fit waits for a later retry.
 */
final class TokenBucket {

    private final long capacity;
    private final double unitsPerSecond;
    private double available;
    private long lastNanos;

    TokenBucket(long capacity, double unitsPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.unitsPerSecond = unitsPerSecond;
        this.available = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes up to `wanted` units from the budget; returns how many it grants now. */
    int take(int wanted, long nowNanos) {
        available = Math.min(capacity, available + (nowNanos - lastNanos) / 1e9 * unitsPerSecond);
        lastNanos = nowNanos;
        int granted = (int) Math.min(wanted, Math.floor(available));
        available -= granted;
        return granted;
    }
}
