package starfish.orchestrator.measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        Builder builder = new Builder(name);
        text.samples().forEach(builder::accept);
        return builder.build();
    }

    /**
     * Collects one unlabelled histogram's samples while a page is read once: bucket lines labelled only by `le`,
     * and unlabelled `_sum` and `_count` lines; lines of labelled histograms are left out.
     */
    static final class Builder {
        private final String bucketName;
        private final String sumName;
        private final String countName;
        private final List<Bucket> buckets = new ArrayList<>();
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
            if (name.equals(bucketName) && labels.size() == 1 && labels.containsKey("le")) {
                buckets.add(new Bucket(PrometheusTextParser.parseValue(labels.get("le")), sample.value()));
            } else if (labels.isEmpty() && name.equals(sumName)) {
                sum = sample.value();
            } else if (labels.isEmpty() && name.equals(countName)) {
                count = sample.value();
            }
        }

        Optional<HistogramSnapshot> build() {
            if (buckets.isEmpty()) {
                return Optional.empty();
            }
            List<Bucket> ascending = new ArrayList<>(buckets);
            ascending.sort(Comparator.comparingDouble(Bucket::upperBound));
            double total = Double.isNaN(count) ? ascending.get(ascending.size() - 1).cumulativeCount() : count;
            return Optional.of(new HistogramSnapshot(List.copyOf(ascending), sum, total));
        }
    }
}
