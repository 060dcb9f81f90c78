package starfish.protocol;

import java.util.Arrays;
import java.util.List;

/**
 * The metrics a validator exposes on its Prometheus page, as the orchestrator reads them: each with its name as
 * exposed, its type and its unit. The validator registers exactly these (besides its JVM's), and the orchestrator
 * asks for exactly these on every scrape.
 */
public enum ValidatorMetric {
    SEQUENCED_TRANSACTIONS("sequenced_transactions_total", Type.COUNTER, Unit.TRANSACTIONS),
    TRANSACTION_LATENCY("transaction_committed_latency", Type.HISTOGRAM, Unit.SECONDS),
    BLOCK_LATENCY("block_committed_latency", Type.HISTOGRAM, Unit.SECONDS),
    COMMITTED_LEADERS("committed_leaders_total", Type.COUNTER, Unit.LEADERS),
    LEADER_TIMEOUTS("leader_timeout_total", Type.COUNTER, Unit.BLOCKS),
    BYTES_SENT("bytes_sent_total", Type.COUNTER, Unit.BYTES),
    BYTES_RECEIVED("bytes_received_total", Type.COUNTER, Unit.BYTES),
    BENCHMARK_DURATION("benchmark_duration", Type.GAUGE, Unit.SECONDS),
    MISSING_BLOCKS("missing_blocks", Type.GAUGE, Unit.BLOCKS),
    PROPOSED_BLOCK_SIZE("proposed_block_size_bytes", Type.GAUGE, Unit.BYTES),
    COMMITTED_SEQUENCE_LENGTH("committed_sequence_length", Type.GAUGE, Unit.LEADERS),
    COMMITTED_SEQUENCE_DIGEST("committed_sequence_digest_info", Type.INFO, Unit.NONE),
    REJECTED_MESSAGES("rejected_messages_total", Type.COUNTER, Unit.MESSAGES),
    EQUIVOCATING_BLOCKS("equivocating_blocks_total", Type.COUNTER, Unit.BLOCKS),
    PENDING_TRANSACTIONS("pending_transactions", Type.GAUGE, Unit.TRANSACTIONS),
    DROPPED_TRANSACTIONS("dropped_transactions_total", Type.COUNTER, Unit.TRANSACTIONS),
    VALIDATOR_LINKS_ESTABLISHED("validator_links_established_total", Type.COUNTER, Unit.NONE),
    SUSPENDED_BLOCKS("suspended_blocks", Type.GAUGE, Unit.BLOCKS),
    BOUNDS_HIT("resource_bound_hits_total", Type.COUNTER, Unit.NONE);

    /** The Prometheus metric types the contract uses. */
    public enum Type { COUNTER, GAUGE, HISTOGRAM, INFO }

    /** What a value counts or measures. */
    public enum Unit { TRANSACTIONS, BLOCKS, LEADERS, MESSAGES, BYTES, SECONDS, NONE }

    private static final List<String> NAMES = Arrays.stream(values()).map(ValidatorMetric::exposedName).toList();

    private final String exposedName;
    private final Type type;
    private final Unit unit;

    ValidatorMetric(String exposedName, Type type, Unit unit) {
        this.exposedName = exposedName;
        this.type = type;
        this.unit = unit;
    }

    /** The name on the page (a counter's with its `_total`, an info's with its `_info`). */
    public String exposedName() {
        return exposedName;
    }

    public Type type() {
        return type;
    }

    public Unit unit() {
        return unit;
    }

    /** Every metric's exposed name, in the contract's order. */
    public static List<String> names() {
        return NAMES;
    }
}
