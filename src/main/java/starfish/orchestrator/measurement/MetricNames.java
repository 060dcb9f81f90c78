package starfish.orchestrator.measurement;

/** The validator's metric names the summary reads (validator/orchestrator contract). */
public final class MetricNames {
    public static final String SEQUENCED_TRANSACTIONS = "sequenced_transactions_total";
    public static final String BYTES_SENT = "bytes_sent_total";
    public static final String COMMITTED_SEQUENCE_LENGTH = "committed_sequence_length";
    public static final String TRANSACTION_LATENCY = "transaction_committed_latency";
    public static final String BLOCK_LATENCY = "block_committed_latency";
    public static final String BENCHMARK_DURATION = "benchmark_duration";

    private MetricNames() {
    }
}
