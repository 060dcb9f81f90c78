package starfish.node.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Tunables of a validator (the optional --node-parameters-path file, YAML or JSON, snake_case fields); every field
 * left out keeps its default.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record NodeParameters(
        long leaderTimeoutMs,
        int maxBlockTransactions,
        int maxFrameBytes,
        int gcDepthRounds,
        long syncRetryMs,
        int maxPendingTransactions,
        long startupWaitMs,
        long minRoundIntervalMs,
        long idleRoundIntervalMs,
        long walSegmentBytes) {

    /**
     * Defaults. gc_depth_rounds bounds memory and how far back a lagging peer can still fetch history;
     * startup_wait_ms lets a validator wait for all peers to connect before its first block (when the committee's
     * processes start seconds apart), or at most that long when some are down. min_round_interval_ms keeps an
     * idle committee on loopback from burning every core on empty rounds and lets transactions batch;
     * idle_round_interval_ms (-1: none) is the shorter interval used while a validator proposes only a few
     * transactions per round (see RoundPacing): p50 8 ms instead of about 60 at 1,000 tx/s on a committee of four,
     * at the cost of more, smaller blocks and a garbage-collection window that covers less time (a restarted
     * validator beyond it catches up from its peers' agreed committed sequence).
     * max_pending_transactions: about 100 MiB of 512-byte transactions; beyond it an overloaded validator sheds
     * its load instead of filling its 1 GiB heap with it (2,000,000 did, and starfish ran out of memory).
     * wal_segment_bytes: the write-ahead log starts a new segment file past this size, and deletes segments that
     * lie wholly below the garbage-collection round, so its disk use is about the GC window plus a segment or two.
     */
    public static final NodeParameters DEFAULTS = new NodeParameters(600, 4_000, 32 * 1024 * 1024, 100, 500,
            200_000, 10_000, 20, 2, 32L << 20);

    public NodeParameters {
        requirePositive("leader_timeout_ms", leaderTimeoutMs);
        requirePositive("max_block_transactions", maxBlockTransactions);
        requirePositive("gc_depth_rounds", gcDepthRounds);
        requirePositive("sync_retry_ms", syncRetryMs);
        requirePositive("max_pending_transactions", maxPendingTransactions);
        requirePositive("wal_segment_bytes", walSegmentBytes);
        if (gcDepthRounds < 20) {
            throw new IllegalArgumentException("gc_depth_rounds must be at least 20, was " + gcDepthRounds);
        }
        if (minRoundIntervalMs < 0 || minRoundIntervalMs >= leaderTimeoutMs) {
            throw new IllegalArgumentException("min_round_interval_ms must be between 0 and leader_timeout_ms ("
                    + leaderTimeoutMs + "), was " + minRoundIntervalMs);
        }
        if (idleRoundIntervalMs < -1 || idleRoundIntervalMs > minRoundIntervalMs) {
            throw new IllegalArgumentException("idle_round_interval_ms must be between 0 and min_round_interval_ms ("
                    + minRoundIntervalMs + "), or -1 for none, was " + idleRoundIntervalMs);
        }
        if (startupWaitMs < 0) {
            throw new IllegalArgumentException("startup_wait_ms must not be negative, was " + startupWaitMs);
        }
        if (maxFrameBytes < 64 * 1024) {
            throw new IllegalArgumentException("max_frame_bytes must be at least 65536, was " + maxFrameBytes);
        }
    }

    private static void requirePositive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
