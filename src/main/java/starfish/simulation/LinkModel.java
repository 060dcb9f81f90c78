package starfish.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
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
        long base = 0;
        for (int from = 0; from < committee; from++) {
            for (int to = 0; to < committee; to++) {
                base = Math.max(base, baseNanos(from, to));
            }
        }
        return (long) (base * (1 + jitterPercent / 100));
    }

    /**
     * The lane of each of `committee` validators: with the RTT table, the validators of one region share one (their
     * links are the shortest), so that the lanes' windows are as long as the shortest link between regions; with a
     * uniform delay, each validator has its own. The most populous regions' lanes come first: threads take lanes in
     * order, and a long lane taken last would keep the others waiting.
     */
    public int[] lanes(int committee) {
        int[] lanes = new int[committee];
        if (uniformDelay.isPresent()) {
            Arrays.setAll(lanes, i -> i);
            return lanes;
        }
        int[] population = new int[MimickedLatency.REGIONS];
        for (int i = 0; i < committee; i++) {
            population[MimickedLatency.region(i)]++;
        }
        int[] laneOfRegion = new int[MimickedLatency.REGIONS];
        int[] byPopulation = IntStream.range(0, MimickedLatency.REGIONS).filter(region -> population[region] > 0)
                .boxed().sorted(Comparator.comparingInt(region -> -population[region]))
                .mapToInt(Integer::intValue).toArray();
        for (int lane = 0; lane < byPopulation.length; lane++) {
            laneOfRegion[byPopulation[lane]] = lane;
        }
        for (int i = 0; i < committee; i++) {
            lanes[i] = laneOfRegion[MimickedLatency.region(i)];
        }
        return lanes;
    }

    /** The shortest one-way delay, jitter included, of any frame between validators of different `lanes`. */
    public long shortestOneWayNanos(int[] lanes) {
        long base = Long.MAX_VALUE;
        for (int from = 0; from < lanes.length; from++) {
            for (int to = 0; to < lanes.length; to++) {
                if (lanes[from] != lanes[to]) {
                    base = Math.min(base, baseNanos(from, to));
                }
            }
        }
        return base == Long.MAX_VALUE ? 0 : (long) (base * (1 - jitterPercent / 100));
    }

    private long baseNanos(int from, int to) {
        return uniformDelay.isPresent() ? uniformDelay.get().toNanos() : MimickedLatency.baseDelayNanos(from, to);
    }

    public long oneWayNanos(int from, int to, RandomGenerator random) {
        long base = baseNanos(from, to);
        if (jitterPercent == 0) {
            return base;
        }
        double factor = 1 + random.nextDouble(-jitterPercent, jitterPercent) / 100;
        return (long) (base * factor);
    }
}
