package starfish.orchestrator.testbed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.settings.Settings;

/**
 * Brings a testbed to the active instances its runs need: stopped instances are started first (they cost nothing to
 * create and keep what was installed on them), then new ones are deployed, spread over the configured regions.
 * max_instances stays the ceiling: a shortfall it forbids is refused before anything is started or created.
 */
public final class ActiveInstances {

    private ActiveInstances() {
    }

    /** Starts and deploys until `needed.count()` instances of `testbed` are active; says what it does on `progress`. */
    public static void ensure(TestbedProvider testbed, Settings settings, HostsNeeded needed, Consumer<String> progress) {
        if (testbed.withoutInstances().isPresent()) {
            return;
        }
        HostTraits traits = testbed.traits();
        List<Instance> listed = testbed.instances();
        long active = count(listed, InstanceStatus.ACTIVE);
        if (active >= needed.count()) {
            return;
        }
        Map<String, Long> stopped = listed.stream().filter(i -> i.status() == InstanceStatus.STOPPED)
                .collect(Collectors.groupingBy(Instance::region, Collectors.counting()));
        long stoppedCount = stopped.values().stream().mapToLong(Long::longValue).sum();
        long toStart = Math.min(needed.count() - active, stoppedCount);
        int regions = Math.max(1, settings.testbed().regions().size());
        int deployPerRegion = (int) ceilDiv(needed.count() - active - toStart, regions);
        checkCeiling(settings, needed, listed, active, stoppedCount, (long) deployPerRegion * regions);
        String name = settings.testbed().cloudProvider().yamlName() + " testbed '" + settings.testbed().id() + "'";
        progress.accept(name + ": " + active + " active instance(s), the runs need " + needed.count() + " ("
                + needed.breakdown() + ")");
        if (toStart > 0) {
            int perRegion = startPerRegion(stopped, toStart);
            progress.accept("starting " + toStart + " stopped instance(s) (at most " + perRegion + " per region) ...");
            testbed.start(perRegion);
            active = count(testbed.instances(), InstanceStatus.ACTIVE);
            progress.accept(active + " instance(s) active");
        }
        if (active < needed.count()) {
            deploy(testbed, settings, (int) ceilDiv(needed.count() - active, regions), progress);
            active = count(testbed.instances(), InstanceStatus.ACTIVE);
            progress.accept(active + " instance(s) active");
        }
        if (active < needed.count()) {
            throw new IllegalStateException(name + " has " + active + " active instances after starting and deploying,"
                    + " but the runs need " + needed.count() + " (" + needed.breakdown() + "); see `testbed status`");
        }
    }

    /** New instances, `perRegion` in every configured region, whether the provider adds or tops regions up. */
    private static void deploy(TestbedProvider testbed, Settings settings, int perRegion, Consumer<String> progress) {
        List<String> regions = settings.testbed().regions();
        progress.accept("deploying " + perRegion + " new instance(s) per region"
                + (regions.isEmpty() ? "" : " in " + String.join(", ", regions)) + " ...");
        if (!testbed.traits().deployTopsUp() || regions.isEmpty()) {
            testbed.deploy(perRegion, Optional.empty());
            return;
        }
        Map<String, Long> present = testbed.instances().stream()
                .collect(Collectors.groupingBy(Instance::region, Collectors.counting()));
        for (String region : regions) {
            testbed.deploy((int) (present.getOrDefault(region, 0L) + perRegion), Optional.of(region));
        }
    }

    /** The smallest per-region count that starts `toStart` of the stopped instances (counted per region). */
    private static int startPerRegion(Map<String, Long> stoppedPerRegion, long toStart) {
        for (int perRegion = 1; ; perRegion++) {
            long cap = perRegion;
            if (stoppedPerRegion.values().stream().mapToLong(n -> Math.min(n, cap)).sum() >= toStart) {
                return perRegion;
            }
        }
    }

    private static void checkCeiling(Settings settings, HostsNeeded needed, List<Instance> listed, long active,
                                     long stopped, long toCreate) {
        long existing = listed.stream().filter(i -> i.status() != InstanceStatus.TERMINATED).count();
        int ceiling = settings.testbed().maxInstances();
        if (existing + toCreate > ceiling) {
            throw new IllegalStateException("the runs need " + needed.count() + " active instances ("
                    + needed.breakdown() + "); testbed '" + settings.testbed().id() + "' has " + active + " active and "
                    + stopped + " stopped, so " + toCreate + " new ones would make " + (existing + toCreate)
                    + " instances, more than max_instances = " + ceiling + "; nothing was started or created. Raise"
                    + " max_instances in the settings file, or run a smaller committee or fewer spares.");
        }
    }

    private static long count(List<Instance> instances, InstanceStatus status) {
        return instances.stream().filter(i -> i.status() == status).count();
    }

    private static long ceilDiv(long value, int divisor) {
        return value <= 0 ? 0 : (value + divisor - 1) / divisor;
    }
}
