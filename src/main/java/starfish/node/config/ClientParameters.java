package starfish.node.config;

/** The load generator's shape (the optional --client-parameters-path file): transaction size and batch interval. */
public record ClientParameters(int transactionSize, long batchIntervalMs) {

    /** The timestamp and the random nonce. */
    public static final int MIN_TRANSACTION_SIZE = 16;
    public static final ClientParameters DEFAULTS = new ClientParameters(512, 50);

    public ClientParameters {
        if (transactionSize < MIN_TRANSACTION_SIZE || transactionSize > 1 << 20) {
            throw new IllegalArgumentException("transaction_size must be between " + MIN_TRANSACTION_SIZE
                    + " and 1048576 bytes, was " + transactionSize);
        }
        if (batchIntervalMs <= 0) {
            throw new IllegalArgumentException("batch_interval_ms must be positive, was " + batchIntervalMs);
        }
    }
}
