package starfish.orchestrator.sweep;

import java.util.Locale;

/**
 * When a load counts as sustained during a search: the committee sequences at least `minThroughputRatio` of the
 * offered load, and the p50 transaction latency stays within max(`latencyFactor` x baseline, baseline +
 * `latencySlackMs`), the baseline being the p50 at the search's start load. The slack keeps a very low baseline
 * (a few ms on a local testbed) from making the limit meaninglessly tight.
 */
public record SearchTolerance(double latencyFactor, double latencySlackMs, double minThroughputRatio) {
    /** 2 x baseline or baseline + 200 ms, whichever is larger; 90% of the offered load. */
    public static final SearchTolerance DEFAULT = new SearchTolerance(2.0, 200, 0.9);

    public SearchTolerance {
        if (latencyFactor < 1 || latencySlackMs < 0 || minThroughputRatio <= 0 || minThroughputRatio > 1) {
            throw new IllegalArgumentException("search tolerance needs latency factor >= 1, slack >= 0 ms and a"
                    + " throughput ratio in (0, 1], was " + this);
        }
    }

    public double latencyLimitMs(LoadPoint baseline) {
        return Math.max(latencyFactor * baseline.p50Ms(), baseline.p50Ms() + latencySlackMs);
    }

    public boolean sustains(LoadPoint baseline, LoadPoint point) {
        return point.throughputRatio() >= minThroughputRatio && point.p50Ms() <= latencyLimitMs(baseline);
    }

    /** Why `point` failed, for the report. */
    public String verdict(LoadPoint baseline, LoadPoint point) {
        if (sustains(baseline, point)) {
            return "sustained";
        }
        if (point.throughputRatio() < minThroughputRatio) {
            return String.format(Locale.ROOT, "throughput %.0f%% of the offered load (< %.0f%%)",
                    100 * point.throughputRatio(), 100 * minThroughputRatio);
        }
        return String.format(Locale.ROOT, "p50 %.1f ms over the limit of %.1f ms", point.p50Ms(),
                latencyLimitMs(baseline));
    }
}
