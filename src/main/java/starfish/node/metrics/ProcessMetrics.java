package starfish.node.metrics;

import static starfish.protocol.ValidatorMetric.CPU_SECONDS;
import static starfish.protocol.ValidatorMetric.HEAP_AFTER_GC;
import static starfish.protocol.ValidatorMetric.RESIDENT_MEMORY;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * What a validator process costs its host: CPU time, resident memory and the heap that survived the last
 * collection. Registered by a validator that has a process of its own (not by the validators the simulated testbed
 * runs together in one JVM), under names of the validator contract so that the orchestrator asks for them with the
 * rest; a reading the platform does not offer is left out of the page.
 */
public final class ProcessMetrics {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {
    }

    public static void register(PrometheusRegistry registry) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean process) {
            CounterWithCallback.builder().name(CPU_SECONDS.exposedName())
                    .help("CPU time the validator's process used, all threads")
                    .callback(cb -> cb.call(process.getProcessCpuTime() / 1e9)).register(registry);
        }
        GaugeWithCallback.builder().name(RESIDENT_MEMORY.exposedName())
                .help("Resident set size of the validator's process")
                .callback(cb -> residentBytes().ifPresent(cb::call)).register(registry);
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
                .toList();
        GaugeWithCallback.builder().name(HEAP_AFTER_GC.exposedName())
                .help("Heap in use right after each pool's last collection: the live set, without garbage")
                .callback(cb -> cb.call(heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                        .mapToLong(usage -> usage == null ? 0 : usage.getUsed()).sum()))
                .register(registry);
    }

    /** VmRSS of /proc/self/status (Linux), in bytes. */
    static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(1024 * Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
