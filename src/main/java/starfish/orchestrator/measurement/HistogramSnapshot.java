package starfish.orchestrator.measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A classic histogram at one scrape: cumulative counts per upper bound (ascending, the last is +Inf), sum, count.
 * Values are in the metric's unit (seconds for latencies).
 */
public record HistogramSnapshot(List<Bucket> buckets, double sum, double count) {

    /** `cumulativeCount` observations were at most `upperBound`. */
    public record Bucket(double upperBound, double cumulativeCount) {
    }

    /** What was observed between `earlier` and this snapshot. */
    public HistogramSnapshot minus(HistogramSnapshot earlier) {
        List<Bucket> delta = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            delta.add(new Bucket(bucket.upperBound(), bucket.cumulativeCount() - earlier.countAtMost(i, bucket.upperBound())));
        }
        return new HistogramSnapshot(delta, sum - earlier.sum, count - earlier.count);
    }

    /** Bucket-wise sum of two histograms with the same bounds (missing bounds count as zero). */
    public HistogramSnapshot plus(HistogramSnapshot other) {
        List<Bucket> merged = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            merged.add(new Bucket(bucket.upperBound(), bucket.cumulativeCount() + other.countAtMost(i, bucket.upperBound())));
        }
        return new HistogramSnapshot(merged, sum + other.sum, count + other.count);
    }

    /** `index` is where the bound usually sits (same bounds on every scrape): checked first, searched otherwise. */
    private double countAtMost(int index, double upperBound) {
        if (index < buckets.size() && buckets.get(index).upperBound() == upperBound) {
            return buckets.get(index).cumulativeCount();
        }
        return buckets.stream().filter(b -> b.upperBound() == upperBound).mapToDouble(Bucket::cumulativeCount)
                .findFirst().orElse(0);
    }

    /** From the `<name>_bucket`, `<name>_sum` and `<name>_count` series of an unlabelled histogram. */
    public static Optional<HistogramSnapshot> from(PrometheusText text, String name) {
        List<Bucket> buckets = text.series(name + "_bucket").stream()
                .filter(s -> s.labels().containsKey("le"))
                .map(s -> new Bucket(PrometheusTextParser.parseValue(s.labels().get("le")), s.value()))
                .sorted(Comparator.comparingDouble(Bucket::upperBound)).toList();
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        double count = text.value(name + "_count").orElse(buckets.get(buckets.size() - 1).cumulativeCount());
        return Optional.of(new HistogramSnapshot(buckets, text.value(name + "_sum").orElse(0.0), count));
    }
}
