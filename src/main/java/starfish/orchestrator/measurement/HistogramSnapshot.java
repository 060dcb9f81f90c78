package starfish.orchestrator.measurement;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import starfish.orchestrator.prometheus.MetricSample;
import starfish.orchestrator.prometheus.PrometheusText;

/**
 * A classic histogram at one scrape: cumulative counts per upper bound (ascending, the last is +Inf), sum, count.
 * Values are in the metric's unit (seconds for latencies).
 *
 * <p>The buckets are held as two arrays of doubles, whatever list they are given as: the summary after every round
 * subtracts each validator's first snapshot of a run from its last, and objects per bucket spread that first
 * snapshot, long since moved to the old generation, over as many cache misses as it has buckets.
 */
public record HistogramSnapshot(List<Bucket> buckets, double sum, double count) {

    public HistogramSnapshot {
        buckets = buckets instanceof Buckets arrays ? arrays : Buckets.copyOf(buckets);
    }

    /** `cumulativeCount` observations were at most `upperBound`. */
    public record Bucket(double upperBound, double cumulativeCount) {
    }

    /** What was observed between `earlier` and this snapshot. */
    public HistogramSnapshot minus(HistogramSnapshot earlier) {
        return combine(earlier, -1);
    }

    /** Bucket-wise sum of two histograms (a bound one of them lacks counts as its nearest lower bound). */
    public HistogramSnapshot plus(HistogramSnapshot other) {
        return combine(other, 1);
    }

    /** Over the union of both bounds: mine + sign x other's, each read as a step function of the bound. */
    private HistogramSnapshot combine(HistogramSnapshot other, int sign) {
        Buckets mine = (Buckets) buckets;
        Buckets theirs = (Buckets) other.buckets;
        if (Arrays.equals(mine.upperBounds, theirs.upperBounds)) {
            double[] counts = new double[mine.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = mine.counts[i] + sign * theirs.counts[i];
            }
            return new HistogramSnapshot(new Buckets(mine.upperBounds, counts), sum + sign * other.sum,
                    count + sign * other.count);
        }
        double[] bounds = new double[mine.size() + theirs.size()];
        double[] counts = new double[bounds.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < mine.size() || j < theirs.size()) {
            double bound = j == theirs.size() || (i < mine.size() && mine.upperBounds[i] <= theirs.upperBounds[j])
                    ? mine.upperBounds[i] : theirs.upperBounds[j];
            while (i < mine.size() && mine.upperBounds[i] <= bound) {
                i++;
            }
            while (j < theirs.size() && theirs.upperBounds[j] <= bound) {
                j++;
            }
            bounds[size] = bound;
            counts[size++] = (i > 0 ? mine.counts[i - 1] : 0) + sign * (j > 0 ? theirs.counts[j - 1] : 0);
        }
        return new HistogramSnapshot(new Buckets(Arrays.copyOf(bounds, size), Arrays.copyOf(counts, size)),
                sum + sign * other.sum, count + sign * other.count);
    }

    /** From the `<name>_bucket`, `<name>_sum` and `<name>_count` series of an unlabelled histogram. */
    public static Optional<HistogramSnapshot> from(PrometheusText text, String name) {
        Builder builder = new Builder(name);
        text.samples().forEach(builder::accept);
        return builder.build();
    }

    /** Buckets as parallel arrays, read-only; a Bucket is made on each get (for JSON and HistogramStatistics). */
    private static final class Buckets extends AbstractList<Bucket> implements RandomAccess {
        private final double[] upperBounds;
        private final double[] counts;

        Buckets(double[] upperBounds, double[] counts) {
            this.upperBounds = upperBounds;
            this.counts = counts;
        }

        static Buckets copyOf(List<Bucket> buckets) {
            return new Buckets(buckets.stream().mapToDouble(Bucket::upperBound).toArray(),
                    buckets.stream().mapToDouble(Bucket::cumulativeCount).toArray());
        }

        @Override
        public Bucket get(int index) {
            return new Bucket(upperBounds[index], counts[index]);
        }

        @Override
        public int size() {
            return counts.length;
        }
    }

    /**
     * Collects one unlabelled histogram's samples while a page is read once: bucket lines labelled only by a
     * numeric `le`, and unlabelled `_sum` and `_count` lines; lines of labelled histograms are left out.
     */
    static final class Builder {
        private final String bucketName;
        private final String sumName;
        private final String countName;
        /** Room for the validator's 289 latency buckets and +Inf without regrowing. */
        private double[] upperBounds = new double[320];
        private double[] counts = new double[320];
        private int size;
        private double sum;
        private double count = Double.NaN;

        Builder(String name) {
            bucketName = name + "_bucket";
            sumName = name + "_sum";
            countName = name + "_count";
        }

        void accept(MetricSample sample) {
            String name = sample.name();
            Map<String, String> labels = sample.labels();
            if (name.equals(bucketName) && labels.size() == 1 && !Double.isNaN(sample.id().upperBound())) {
                add(sample.id().upperBound(), sample.value());
            } else if (labels.isEmpty() && name.equals(sumName)) {
                sum = sample.value();
            } else if (labels.isEmpty() && name.equals(countName)) {
                count = sample.value();
            }
        }

        private void add(double upperBound, double cumulativeCount) {
            if (size == counts.length) {
                upperBounds = Arrays.copyOf(upperBounds, 2 * size);
                counts = Arrays.copyOf(counts, 2 * size);
            }
            upperBounds[size] = upperBound;
            counts[size++] = cumulativeCount;
        }

        Optional<HistogramSnapshot> build() {
            if (size == 0) {
                return Optional.empty();
            }
            Buckets ascending = ascending();
            double total = Double.isNaN(count) ? ascending.counts[size - 1] : count;
            return Optional.of(new HistogramSnapshot(withoutEmptyRuns(ascending), sum, total));
        }

        /**
         * Leaves out the bounds inside runs of empty buckets: a latency spreads over a few dozen of the 289 buckets,
         * and the measurements file keeps every scrape. Each non-empty bucket keeps the bound below it (its lower
         * edge) and the +Inf bucket stays, so a left-out bound reads as the kept bound below it, exactly.
         */
        private static Buckets withoutEmptyRuns(Buckets full) {
            int n = full.size();
            double[] bounds = new double[n];
            double[] kept = new double[n];
            int size = 0;
            for (int i = 0; i < n; i++) {
                boolean filled = full.counts[i] != (i == 0 ? 0 : full.counts[i - 1]);
                boolean nextFilled = i + 1 < n && full.counts[i + 1] != full.counts[i];
                if (filled || nextFilled || i == n - 1) {
                    bounds[size] = full.upperBounds[i];
                    kept[size++] = full.counts[i];
                }
            }
            return size == n ? full : new Buckets(Arrays.copyOf(bounds, size), Arrays.copyOf(kept, size));
        }

        /** Exporters write buckets in ascending order; any other order is sorted. */
        private Buckets ascending() {
            Buckets inOrder = new Buckets(Arrays.copyOf(upperBounds, size), Arrays.copyOf(counts, size));
            for (int i = 1; i < size; i++) {
                if (upperBounds[i - 1] > upperBounds[i]) {
                    List<Bucket> sorted = new ArrayList<>(inOrder);
                    sorted.sort(Comparator.comparingDouble(Bucket::upperBound));
                    return Buckets.copyOf(sorted);
                }
            }
            return inOrder;
        }
    }
}
