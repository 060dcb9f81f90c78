package starfish.node.metrics;

import static starfish.protocol.ValidatorMetric.CPU_SECONDS;
import static starfish.protocol.ValidatorMetric.HEAP_AFTER_GC;
import static starfish.protocol.ValidatorMetric.RESIDENT_MEMORY;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

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
        AtomicLong heapAfterGc = new AtomicLong(-1);
        watchCollections(heapAfterGc);
        GaugeWithCallback.builder().name(HEAP_AFTER_GC.exposedName())
                .help("Heap in use right after the last garbage collection (any kind): live data and what that"
                        + " collection left, without the garbage since")
                .callback(cb -> {
                    if (heapAfterGc.get() >= 0) {
                        cb.call(heapAfterGc.get());
                    }
                }).register(registry);
    }

    /**
     * After each collection, the heap pools' use as the collection left it. A pool's own collection usage would not
     * do: G1 updates the old generation's only when a collection includes it, so young collections, most of them,
     * would leave it out.
     */
    private static void watchCollections(AtomicLong heapAfterGc) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                        .getGcInfo();
                heapAfterGc.set(info.getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum());
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
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
