package starfish.orchestrator.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The reference's goal-driven latency-throughput sweep: start at `initialLoad`; while p50 latency stays below
 * `refineLatencyMs`, multiply the load by `coarseMultiplier` (find the region fast), above it by `fineMultiplier`
 * (many points near the knee); stop once p50 reaches `latencyGoalMs` or after `maxPoints` runs. A focus zone, when
 * given, is walked in additive steps, and a coarse jump over its start lands on it.
 */
public record SweepPlan(int initialLoad, double latencyGoalMs, double refineLatencyMs, double coarseMultiplier,
                        double fineMultiplier, int maxPoints, Optional<Focus> focus) {

    /** Loads from `start` (inclusive) to `end` in steps of `step`. */
    public record Focus(int start, int end, int step) {
        public Focus {
            if (start < 0 || end <= start || step < 1) {
                throw new IllegalArgumentException("a sweep focus needs 0 <= start < end and a step of at least 1,"
                        + " was start " + start + ", end " + end + ", step " + step);
            }
        }
    }

    public SweepPlan {
        if (initialLoad < 0 || maxPoints < 1 || latencyGoalMs <= 0 || refineLatencyMs < 0 || coarseMultiplier <= 1
                || fineMultiplier <= 1) {
            throw new IllegalArgumentException("a sweep needs an initial load >= 0, at least one point, a positive"
                    + " latency goal and multipliers above 1, was " + this);
        }
    }

    /** The load after a run at `current` that measured `p50Ms`, or empty when the goal is reached. */
    public OptionalInt nextLoad(int current, double p50Ms) {
        if (p50Ms >= latencyGoalMs) {
            return OptionalInt.empty();
        }
        if (focus.isPresent() && current >= focus.get().start() && current < focus.get().end()) {
            return OptionalInt.of(Math.min(current + focus.get().step(), focus.get().end()));
        }
        double multiplier = p50Ms >= refineLatencyMs ? fineMultiplier : coarseMultiplier;
        int next = (int) Math.min(Integer.MAX_VALUE, Math.ceil(current * multiplier));
        if (focus.isPresent() && current < focus.get().start() && next > focus.get().start()) {
            return OptionalInt.of(focus.get().start());
        }
        return OptionalInt.of(Math.max(next, current + 1));
    }

    /** Runs the sweep; `benchmark` runs one load and returns what it measured. */
    public List<LoadPoint> run(IntFunction<LoadPoint> benchmark) {
        List<LoadPoint> points = new ArrayList<>();
        OptionalInt load = OptionalInt.of(initialLoad);
        while (load.isPresent() && points.size() < maxPoints) {
            LoadPoint point = benchmark.apply(load.getAsInt());
            points.add(point);
            load = nextLoad(load.getAsInt(), point.p50Ms());
        }
        return points;
    }
}
