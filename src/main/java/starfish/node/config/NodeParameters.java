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
        int maxPendingTransactions) {

    public static final NodeParameters DEFAULTS = new NodeParameters(600, 4_000, 32 * 1024 * 1024, 60, 500, 2_000_000);

    public NodeParameters {
        requirePositive("leader_timeout_ms", leaderTimeoutMs);
        requirePositive("max_block_transactions", maxBlockTransactions);
        requirePositive("gc_depth_rounds", gcDepthRounds);
        requirePositive("sync_retry_ms", syncRetryMs);
        requirePositive("max_pending_transactions", maxPendingTransactions);
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
