package starfish.orchestrator.validator;

import java.lang.management.ManagementFactory;

/**
 * The heap of each validator JVM. Validators touch their whole heap at start, so a committee sharing this machine's
 * memory (`shared`, with `machineMiB` of it) gets at most half of it: 1 GiB each while that fits, an equal share
 * otherwise. A validator with a machine of its own gets 1 GiB.
 */
record ValidatorHeap(boolean shared, long machineMiB) {
    static final int DEFAULT_MIB = 1024;
    static final int MIN_MIB = 256;
    private static final int GRANULE_MIB = 64;

    /** For validators that share this machine's memory, or not. */
    static ValidatorHeap of(boolean shareMemory) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ValidatorHeap(shareMemory, os.getTotalMemorySize() >> 20);
    }

    int mebibytes(int committee) {
        if (!shared) {
            return DEFAULT_MIB;
        }
        long share = machineMiB / 2 / committee / GRANULE_MIB * GRANULE_MIB;
        return (int) Math.max(MIN_MIB, Math.min(DEFAULT_MIB, share));
    }
}
