package starfish.orchestrator.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Finds the highest load a protocol sustains: run the start load (the latency baseline), double the load until a
 * run is not sustained (see {@link SearchTolerance}), then bisect between the last sustained and the first failed
 * load for a few steps. Each step is one full benchmark, so the number of steps is what bounds the search's time.
 */
public final class LoadSearch {
    /** At most start x 2^12: a protocol that is never saturated still ends. */
    static final int MAX_DOUBLINGS = 12;

    private final SearchTolerance tolerance;
    private final int bisectionSteps;

    public LoadSearch(SearchTolerance tolerance, int bisectionSteps) {
        if (bisectionSteps < 0) {
            throw new IllegalArgumentException("bisection steps must not be negative, was " + bisectionSteps);
        }
        this.tolerance = tolerance;
        this.bisectionSteps = bisectionSteps;
    }

    /** `benchmark` runs one load and returns what it measured. */
    public SearchResult search(int startLoad, IntFunction<LoadPoint> benchmark) {
        if (startLoad < 1) {
            throw new IllegalArgumentException("the search's start load must be at least 1 tx/s, was " + startLoad);
        }
        List<LoadPoint> runs = new ArrayList<>();
        LoadPoint baseline = run(benchmark, startLoad, runs);
        if (!tolerance.sustains(baseline, baseline)) {
            return new SearchResult(baseline, Optional.empty(), runs);
        }
        LoadPoint good = baseline;
        Optional<LoadPoint> bad = Optional.empty();
        for (int i = 0; i < MAX_DOUBLINGS && bad.isEmpty(); i++) {
            LoadPoint next = run(benchmark, Math.multiplyExact(good.offeredLoad(), 2), runs);
            if (tolerance.sustains(baseline, next)) {
                good = next;
            } else {
                bad = Optional.of(next);
            }
        }
        for (int step = 0; step < bisectionSteps && bad.isPresent(); step++) {
            int middle = good.offeredLoad() + (bad.get().offeredLoad() - good.offeredLoad()) / 2;
            if (middle == good.offeredLoad()) {
                break;
            }
            LoadPoint next = run(benchmark, middle, runs);
            if (tolerance.sustains(baseline, next)) {
                good = next;
            } else {
                bad = Optional.of(next);
            }
        }
        return new SearchResult(baseline, Optional.of(good), runs);
    }

    private static LoadPoint run(IntFunction<LoadPoint> benchmark, int load, List<LoadPoint> runs) {
        LoadPoint point = benchmark.apply(load);
        runs.add(point);
        return point;
    }
}
