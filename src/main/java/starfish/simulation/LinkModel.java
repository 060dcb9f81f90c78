package starfish.simulation;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import starfish.node.net.MimickedLatency;

/**
 * The one-way delay of each link: half the round-trip time between the two validators' regions, placed as
 * `--mimic-extra-latency` places them, or one uniform delay δ for every pair; either with an optional uniform
 * jitter of ±`jitterPercent`.
 */
public record LinkModel(Optional<Duration> uniformDelay, double jitterPercent) {

    public LinkModel {
        if (jitterPercent < 0 || jitterPercent >= 100) {
            throw new IllegalArgumentException("jitter must be in [0, 100) percent, was " + jitterPercent);
        }
        uniformDelay.ifPresent(delay -> {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the uniform delay must not be negative, was " + delay);
            }
        });
    }

    /** The longest one-way delay any frame between two of `committee` validators can take, jitter included. */
    public long worstOneWayNanos(int committee) {
        long base = uniformDelay.map(Duration::toNanos).orElse(0L);
        if (uniformDelay.isEmpty()) {
            for (int from = 0; from < committee; from++) {
                for (int to = 0; to < committee; to++) {
                    base = Math.max(base, MimickedLatency.baseDelayNanos(from, to));
                }
            }
        }
        return (long) (base * (1 + jitterPercent / 100));
    }

    /** The shortest one-way delay any frame between two of `committee` validators can take, jitter included. */
    public long shortestOneWayNanos(int committee) {
        long base = uniformDelay.map(Duration::toNanos).orElse(Long.MAX_VALUE);
        if (uniformDelay.isEmpty()) {
            for (int from = 0; from < committee; from++) {
                for (int to = 0; to < committee; to++) {
                    if (from != to) {
                        base = Math.min(base, MimickedLatency.baseDelayNanos(from, to));
                    }
                }
            }
        }
        return base == Long.MAX_VALUE ? 0 : (long) (base * (1 - jitterPercent / 100));
    }

    public long oneWayNanos(int from, int to, RandomGenerator random) {
        long base = uniformDelay.map(Duration::toNanos).orElseGet(() -> MimickedLatency.baseDelayNanos(from, to));
        if (jitterPercent == 0) {
            return base;
        }
        double factor = 1 + random.nextDouble(-jitterPercent, jitterPercent) / 100;
        return (long) (base * factor);
    }
}
