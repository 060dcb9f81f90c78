package starfish.node.net;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one-way delay added before sending to a peer: with --mimic-extra-latency half the round-trip time between the
 * two validators' regions, plus or minus 3% uniformly (the reference's table and region mapping); with
 * --uniform-latency-ms the same delay on every link, without jitter (the kernels this runs on may lack netem).
 */
public final class MimickedLatency {

    /** The regions of the RTT table. */
    public static final int REGIONS = 10;
    private static final int[] REGION_OF_INDEX = {0, 2, 4, 6, 8, 1, 3, 5, 7, 8};
    private static final int[][] RTT_MS = {
        {1, 65, 14, 68, 104, 110, 112, 201, 198, 146},
        {65, 1, 78, 127, 163, 172, 175, 226, 137, 108},
        {14, 78, 1, 67, 106, 103, 122, 189, 196, 142},
        {68, 127, 67, 1, 29, 38, 176, 125, 254, 199},
        {104, 163, 106, 29, 1, 50, 215, 143, 281, 238},
        {110, 172, 103, 38, 50, 1, 220, 148, 268, 245},
        {112, 175, 122, 176, 215, 220, 1, 299, 309, 254},
        {201, 226, 189, 125, 143, 148, 299, 1, 150, 140},
        {198, 137, 196, 254, 281, 268, 309, 150, 1, 101},
        {146, 108, 142, 199, 238, 245, 254, 140, 101, 1},
    };
    private static final double JITTER = 0.03;

    private final boolean enabled;
    /** Negative: the RTT table. */
    private final long uniformNanos;

    private MimickedLatency(boolean enabled, long uniformNanos) {
        this.enabled = enabled;
        this.uniformNanos = uniformNanos;
    }

    public static MimickedLatency of(boolean enabled) {
        return new MimickedLatency(enabled, -1);
    }

    /** `milliseconds` as a delay, refused with the option's name when negative or not finite. */
    public static Duration oneWayDelay(String option, double milliseconds) {
        if (!(milliseconds >= 0) || Double.isInfinite(milliseconds)) {
            throw new IllegalArgumentException(option + " must be a finite number of milliseconds >= 0, was "
                    + milliseconds);
        }
        return Duration.ofNanos(Math.round(milliseconds * 1e6));
    }

    /** Every link `delay` one way. */
    public static MimickedLatency uniform(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a uniform latency must not be negative, was " + delay);
        }
        return new MimickedLatency(true, delay.toNanos());
    }

    public static int region(int authority) {
        return REGION_OF_INDEX[authority % REGION_OF_INDEX.length];
    }

    /** Half the regions' round-trip time, without jitter. */
    public static long baseDelayNanos(int from, int to) {
        return RTT_MS[region(from)][region(to)] * 1_000_000L / 2;
    }

    public long delayNanos(int from, int to) {
        if (!enabled) {
            return 0;
        }
        if (uniformNanos >= 0) {
            return uniformNanos;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return (long) (baseDelayNanos(from, to) * factor);
    }
}
