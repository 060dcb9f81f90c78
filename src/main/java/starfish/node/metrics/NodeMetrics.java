package starfish.node.metrics;

import static starfish.protocol.ValidatorMetric.BENCHMARK_DURATION;
import static starfish.protocol.ValidatorMetric.BOUNDS_HIT;
import static starfish.protocol.ValidatorMetric.BLOCK_LATENCY;
import static starfish.protocol.ValidatorMetric.BYTES_RECEIVED;
import static starfish.protocol.ValidatorMetric.BYTES_SENT;
import static starfish.protocol.ValidatorMetric.COMMITTED_LEADERS;
import static starfish.protocol.ValidatorMetric.COMMITTED_SEQUENCE_DIGEST;
import static starfish.protocol.ValidatorMetric.COMMITTED_SEQUENCE_LENGTH;
import static starfish.protocol.ValidatorMetric.DROPPED_TRANSACTIONS;
import static starfish.protocol.ValidatorMetric.EQUIVOCATING_BLOCKS;
import static starfish.protocol.ValidatorMetric.LEADER_TIMEOUTS;
import static starfish.protocol.ValidatorMetric.MISSING_BLOCKS;
import static starfish.protocol.ValidatorMetric.PENDING_TRANSACTIONS;
import static starfish.protocol.ValidatorMetric.PROPOSED_BLOCK_SIZE;
import static starfish.protocol.ValidatorMetric.PROPOSED_HEADER_SIZE;
import static starfish.protocol.ValidatorMetric.PROPOSED_ROUND;
import static starfish.protocol.ValidatorMetric.STORAGE_SIZE;
import static starfish.protocol.ValidatorMetric.REJECTED_MESSAGES;
import static starfish.protocol.ValidatorMetric.SEQUENCED_TRANSACTIONS;
import static starfish.protocol.ValidatorMetric.SUSPENDED_BLOCKS;
import static starfish.protocol.ValidatorMetric.TRANSACTION_LATENCY;
import static starfish.protocol.ValidatorMetric.VALIDATOR_LINKS_ESTABLISHED;

import io.prometheus.metrics.config.MetricsProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;
import starfish.node.runtime.Clock;

/**
 * The validator's metrics, named as the validator/orchestrator contract (ValidatorMetric) says, in one registry. Labelled
 * series whose label values are known up front (missing blocks per authority, rejections per reason) exist at 0 from
 * the start, so that dashboards and rate() see them before the first event.
 */
public final class NodeMetrics {

    public final Counter sequencedTransactions;
    public final Histogram transactionLatency;
    public final Histogram blockLatency;
    public final Counter committedLeaders;
    public final Counter leaderTimeouts;
    public final Counter bytesSent;
    public final Counter bytesReceived;
    public final Gauge missingBlocks;
    public final Gauge proposedBlockSize;
    public final Histogram proposedHeaderSize;
    public final Gauge proposedRound;
    public final Gauge committedSequenceLength;
    public final Info committedSequenceDigest;
    public final Counter rejectedMessages;
    public final Counter equivocatingBlocks;
    public final Counter validatorLinksEstablished;
    public final Gauge suspendedBlocks;
    public final Counter boundHits;
    private final PrometheusRegistry registry;

    /**
     * Nothing here carries a trace to link to; left on, every counter increment and observation samples an
     * exemplar and schedules its rate limiter on a timer thread (7% of a simulated committee's time).
     */
    private static final PrometheusProperties WITHOUT_EXEMPLARS = PrometheusProperties.builder()
            .defaultMetricsProperties(MetricsProperties.builder().exemplarsEnabled(false).build()).build();

    public NodeMetrics(PrometheusRegistry registry, int committeeSize) {
        this(registry, committeeSize, Clock.SYSTEM);
    }

    /** `clock` times benchmark_duration: virtual seconds in a simulation. */
    public NodeMetrics(PrometheusRegistry registry, int committeeSize, Clock clock) {
        this.registry = registry;
        long startNanos = clock.nanoTime();
        sequencedTransactions = Counter.builder(WITHOUT_EXEMPLARS).name(SEQUENCED_TRANSACTIONS.exposedName())
                .help("Transactions in committed blocks").register(registry);
        transactionLatency = latencyHistogram(TRANSACTION_LATENCY.exposedName(),
                "Commit time minus the transaction's embedded creation time", registry);
        blockLatency = latencyHistogram(BLOCK_LATENCY.exposedName(),
                "Commit time minus the block's creation time", registry);
        committedLeaders = Counter.builder(WITHOUT_EXEMPLARS).name(COMMITTED_LEADERS.exposedName())
                .help("Decided leader slots by leader authority and commit type")
                .labelNames("authority", "commit_type").register(registry);
        leaderTimeouts = Counter.builder(WITHOUT_EXEMPLARS).name(LEADER_TIMEOUTS.exposedName())
                .help("Blocks proposed after the leader timeout without the round's leader").register(registry);
        bytesSent = Counter.builder(WITHOUT_EXEMPLARS).name(BYTES_SENT.exposedName()).help("Bytes written to peers").register(registry);
        bytesReceived = Counter.builder(WITHOUT_EXEMPLARS).name(BYTES_RECEIVED.exposedName()).help("Bytes read from peers")
                .register(registry);
        GaugeWithCallback.builder().name(BENCHMARK_DURATION.exposedName()).help("Seconds since the validator started")
                .callback(cb -> cb.call((clock.nanoTime() - startNanos) / 1e9)).register(registry);
        missingBlocks = Gauge.builder().name(MISSING_BLOCKS.exposedName()).help("Referenced blocks not yet received, by author")
                .labelNames("authority").register(registry);
        for (int authority = 0; authority < committeeSize; authority++) {
            missingBlocks.labelValues(Integer.toString(authority)).set(0);
        }
        proposedBlockSize = Gauge.builder().name(PROPOSED_BLOCK_SIZE.exposedName())
                .help("Encoded size of the last block this validator proposed").register(registry);
        proposedHeaderSize = Histogram.builder(WITHOUT_EXEMPLARS).name(PROPOSED_HEADER_SIZE.exposedName())
                .help("Encoded size of each proposed block without its transaction data").classicOnly()
                .classicUpperBounds(GeometricBuckets.SIZE_BYTES).register(registry);
        proposedRound = Gauge.builder().name(PROPOSED_ROUND.exposedName())
                .help("Round of the last block this validator proposed").register(registry);
        committedSequenceLength = Gauge.builder().name(COMMITTED_SEQUENCE_LENGTH.exposedName())
                .help("Committed leaders output so far").register(registry);
        committedSequenceDigest = Info.builder().name(COMMITTED_SEQUENCE_DIGEST.exposedName())
                .help("Running digest of the committed sequence").labelNames("digest").register(registry);
        rejectedMessages = Counter.builder(WITHOUT_EXEMPLARS).name(REJECTED_MESSAGES.exposedName())
                .help("Frames and blocks dropped as malformed or invalid, by reason").labelNames("reason")
                .register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejectedMessages.initLabelValues(reason.label());
        }
        equivocatingBlocks = Counter.builder(WITHOUT_EXEMPLARS).name(EQUIVOCATING_BLOCKS.exposedName())
                .help("Accepted blocks whose author already has a block in that round, by author")
                .labelNames("authority").register(registry);
        validatorLinksEstablished = Counter.builder(WITHOUT_EXEMPLARS).name(VALIDATOR_LINKS_ESTABLISHED.exposedName())
                .help("Links to peers that passed the handshake (an impostor never adds one)").register(registry);
        suspendedBlocks = Gauge.builder().name(SUSPENDED_BLOCKS.exposedName())
                .help("Received blocks waiting for their parents").register(registry);
        boundHits = Counter.builder(WITHOUT_EXEMPLARS).name(BOUNDS_HIT.exposedName())
                .help("Times a resource bound refused or delayed work, by bound").labelNames("bound")
                .register(registry);
        for (ResourceBound bound : ResourceBound.values()) {
            boundHits.initLabelValues(bound.label());
        }
    }

    /** The transaction pool's backlog, and the transactions it refused because it was full (load shed). */
    public void watchPool(LongSupplier pending, LongSupplier dropped) {
        GaugeWithCallback.builder().name(PENDING_TRANSACTIONS.exposedName()).help("Transactions waiting for a block")
                .callback(cb -> cb.call(pending.getAsLong())).register(registry);
        CounterWithCallback.builder().name(DROPPED_TRANSACTIONS.exposedName())
                .help("Transactions refused because the pool was full").callback(cb -> cb.call(dropped.getAsLong()))
                .register(registry);
    }

    /** The bytes this validator's storage holds, read when scraped (a negative reading is left out). */
    public void watchStorage(LongSupplier bytes) {
        GaugeWithCallback.builder().name(STORAGE_SIZE.exposedName()).help("Bytes in the validator's write-ahead log")
                .callback(cb -> {
                    long now = bytes.getAsLong();
                    if (now >= 0) {
                        cb.call(now);
                    }
                }).register(registry);
    }

    private static Histogram latencyHistogram(String name, String help, PrometheusRegistry registry) {
        return Histogram.builder(WITHOUT_EXEMPLARS).name(name).help(help).classicOnly()
                .classicUpperBounds(GeometricBuckets.LATENCY_SECONDS).register(registry);
    }

    /** A resource bound bit: counted once per refused or delayed item. */
    public void boundHit(ResourceBound bound) {
        boundHit(bound, 1);
    }

    /** `count` items refused at once (nothing counted when 0). */
    public void boundHit(ResourceBound bound, int count) {
        if (count > 0) {
            boundHits.labelValues(bound.label()).inc(count);
        }
    }

    public void reject(RejectionReason reason) {
        rejectedMessages.labelValues(reason.label()).inc();
    }
}
