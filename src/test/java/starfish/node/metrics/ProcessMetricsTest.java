package starfish.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import starfish.protocol.ValidatorMetric;

/** The process figures read this JVM: it has used CPU, is resident, and has a heap left after a collection. */
class ProcessMetricsTest {
    private final PrometheusRegistry registry = new PrometheusRegistry();

    @Test
    void cpuResidentMemoryAndHeapAfterTheLastCollectionAreRead() {
        ProcessMetrics.register(registry);
        // a collection's notification arrives on a JMX thread, after System.gc() returns
        System.gc();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(value(ValidatorMetric.HEAP_AFTER_GC)).hasValueSatisfying(bytes ->
                        assertThat(bytes).isPositive().isLessThan(Runtime.getRuntime().maxMemory())));
        assertThat(value(ValidatorMetric.CPU_SECONDS)).hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        assertThat(value(ValidatorMetric.RESIDENT_MEMORY)).hasValueSatisfying(bytes ->
                assertThat(bytes).isGreaterThan(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()));
    }

    private Optional<Double> value(ValidatorMetric metric) {
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot.getMetadata().getPrometheusName().equals(metric.exposedName().replace("_total", ""))) {
                return snapshot.getDataPoints().stream().findFirst().map(point -> point instanceof
                        GaugeSnapshot.GaugeDataPointSnapshot gauge ? gauge.getValue()
                        : ((CounterSnapshot.CounterDataPointSnapshot) point).getValue());
            }
        }
        return Optional.empty();
    }
}
