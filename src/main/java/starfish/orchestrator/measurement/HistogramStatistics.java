package starfish.orchestrator.measurement;

import java.util.List;

/**
 * Latency statistics from a (merged) classic histogram in seconds, reported in milliseconds: the mean from
 * sum/count, the standard deviation from bucket midpoints, percentiles by linear interpolation within a bucket.
 */
final class HistogramStatistics {

    private HistogramStatistics() {
    }

    static LatencyStats of(HistogramSnapshot h) {
        if (h.count() <= 0) {
            return LatencyStats.empty();
        }
        double avg = h.sum() / h.count();
        return new LatencyStats(avg * 1_000, stdev(h, avg) * 1_000, percentile(h, 0.50) * 1_000,
                percentile(h, 0.90) * 1_000, percentile(h, 0.99) * 1_000);
    }

    /** The value below which a fraction `q` of the observations fall. */
    static double percentile(HistogramSnapshot h, double q) {
        List<HistogramSnapshot.Bucket> buckets = h.buckets();
        double total = buckets.get(buckets.size() - 1).cumulativeCount();
        double target = q * total;
        double lower = 0;
        double below = 0;
        for (HistogramSnapshot.Bucket bucket : buckets) {
            double upper = bucket.upperBound();
            double cumulative = bucket.cumulativeCount();
            if (cumulative >= target && cumulative > below) {
                if (Double.isInfinite(upper)) {
                    return lower;
                }
                return lower + (upper - lower) * (target - below) / (cumulative - below);
            }
            lower = upper;
            below = cumulative;
        }
        return lower;
    }

    /** Each observation stands at its bucket's midpoint (the +Inf bucket at its lower bound). */
    private static double stdev(HistogramSnapshot h, double mean) {
        double lower = 0;
        double below = 0;
        double squares = 0;
        double observed = 0;
        for (HistogramSnapshot.Bucket bucket : h.buckets()) {
            double inBucket = bucket.cumulativeCount() - below;
            double midpoint = Double.isInfinite(bucket.upperBound()) ? lower : (lower + bucket.upperBound()) / 2;
            squares += inBucket * (midpoint - mean) * (midpoint - mean);
            observed += inBucket;
            lower = bucket.upperBound();
            below = bucket.cumulativeCount();
        }
        return observed > 0 ? Math.sqrt(squares / observed) : 0;
    }
}
