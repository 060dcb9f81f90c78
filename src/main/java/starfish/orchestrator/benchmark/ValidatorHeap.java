package starfish.orchestrator.benchmark;

import java.lang.management.ManagementFactory;
import starfish.orchestrator.settings.CloudProvider;

/**
 * The heap of each validator JVM. Validators touch their whole heap at start, so a committee sharing this machine
 * (local and netns testbeds) gets at most half its memory: 1 GiB each while that fits, an equal share otherwise.
 */
final class ValidatorHeap {
    static final int DEFAULT_MIB = 1024;
    static final int MIN_MIB = 256;
    private static final int GRANULE_MIB = 64;

    private ValidatorHeap() {
    }

    static int mebibytes(CloudProvider provider, int committee) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return mebibytes(provider, committee, os.getTotalMemorySize() >> 20);
    }

    static int mebibytes(CloudProvider provider, int committee, long machineMiB) {
        if (!provider.sharesThisMachine()) {
            return DEFAULT_MIB;
        }
        long share = machineMiB / 2 / committee / GRANULE_MIB * GRANULE_MIB;
        return (int) Math.max(MIN_MIB, Math.min(DEFAULT_MIB, share));
    }
}
