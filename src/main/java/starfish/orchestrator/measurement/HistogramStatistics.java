package starfish.orchestrator.measurement;

import java.util.List;

/**
 * Latency statistics from a (merged) classic histogram in seconds, reported in milliseconds: the mean from
 * sum/count, the standard deviation from bucket midpoints. A percentile is the geometric middle of its bucket when
 * the bucket is narrow (upper / lower at most {@value #NARROW}; the validator's buckets are 1.04 wide, so the figure
 * is within 2% of the exact one), and linearly interpolated within a wide bucket (those of older measurements files).
 */
final class HistogramStatistics {

    static final double NARROW = 1.1;

    private HistogramStatistics() {
    }

    static LatencyStats of(HistogramSnapshot h) {
        if (h.count() <= 0) {
            return LatencyStats.empty();
        }
        double avg = h.sum() / h.count();
        return new LatencyStats(avg * 1_000, stdev(h, avg) * 1_000, percentile(h, 0.25) * 1_000,
                percentile(h, 0.50) * 1_000, percentile(h, 0.75) * 1_000, percentile(h, 0.90) * 1_000,
                percentile(h, 0.99) * 1_000);
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
                if (lower > 0 && upper / lower <= NARROW) {
                    return Math.sqrt(lower * upper);
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
