package starfish.node.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmGarbageCollectorMetrics;
import io.prometheus.metrics.instrumentation.jvm.JvmMemoryMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The JVM metrics a validator serves: memory and garbage collection, what the dashboard shows. The client's full
 * set (threads, classes, compilation, buffer pools, native memory, process) cost about 0.3 s of CPU at each
 * validator's start, paid four times over on a local testbed, and made every scrape page longer.
 */
public final class JvmMetricsSelection {

    private JvmMetricsSelection() {
    }

    public static void register(PrometheusRegistry registry) {
        JvmMemoryMetrics.builder().register(registry);
        JvmGarbageCollectorMetrics.builder().register(registry);
    }
}
