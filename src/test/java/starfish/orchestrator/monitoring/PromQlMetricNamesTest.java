package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

    @Test
    void findsTheHistogramBehindAQuantile() {
        assertThat(PromQlMetricNames.of(
                "histogram_quantile(0.99, sum by (job, le) (rate(block_committed_latency_bucket[$__rate_interval])))"))
                .containsExactly("block_committed_latency_bucket");
    }

    @Test
    void skipsLabelMatchersStringsAndGroupingLabels() {
        assertThat(PromQlMetricNames.of(
                "1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\", cpu=~\"0|1\"}[5m]))"))
                .containsExactly("node_cpu_seconds_total");
        assertThat(PromQlMetricNames.of("sum(missing_blocks) without (authority)")).containsExactly("missing_blocks");
    }

    @Test
    void findsEveryOperandOfABinaryExpression() {
        assertThat(PromQlMetricNames.of("node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes > bool 1e3"))
                .containsExactly("node_memory_MemAvailable_bytes", "node_memory_MemTotal_bytes");
    }
}
