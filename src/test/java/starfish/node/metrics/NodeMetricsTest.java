package starfish.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import starfish.node.load.TransactionPool;

/** Series whose label values are known at startup exist from the start, so dashboards need not wait for events. */
class NodeMetricsTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    @Test
    void everyAuthorityStartsWithNoMissingBlocks() {
        new NodeMetrics(registry, 3);

        assertThat(valuesByLabel("missing_blocks", "authority"))
                .containsExactly(entry("0", 0.0), entry("1", 0.0), entry("2", 0.0));
    }

    @Test
    void everyRejectionReasonIsCountedFromZero() {
        NodeMetrics metrics = new NodeMetrics(registry, 1);
        metrics.reject(RejectionReason.BAD_SHARD);

        assertThat(valuesByLabel("rejected_messages", "reason"))
                .hasSize(RejectionReason.values().length)
                .containsEntry("bad-shard", 1.0)
                .containsEntry("handshake", 0.0);
    }

    @Test
    void aFullPoolsRefusalsAreCountedAsDroppedTransactions() {
        TransactionPool pool = new TransactionPool(2);
        new NodeMetrics(registry, 1).watchPool(pool::pendingCount, pool::droppedCount);
        pool.offer(ByteBuffer.allocate(8), 2);
        pool.offer(ByteBuffer.allocate(4), 1);

        assertThat(valuesByLabel("pending_transactions", "none")).containsExactly(entry("", 2.0));
        assertThat(valuesByLabel("dropped_transactions", "none")).containsExactly(entry("", 1.0));
    }

    private Map<String, Double> valuesByLabel(String metric, String label) {
        Map<String, Double> values = new TreeMap<>();
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot.getMetadata().getName().equals(metric)) {
                for (DataPointSnapshot point : snapshot.getDataPoints()) {
                    values.put(Objects.toString(point.getLabels().get(label), ""), point instanceof GaugeDataPointSnapshot gauge
                            ? gauge.getValue() : ((CounterDataPointSnapshot) point).getValue());
                }
            }
        }
        return values;
    }
}
