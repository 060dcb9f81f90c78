package starfish.orchestrator.measurement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import starfish.orchestrator.prometheus.MetricSample;
import starfish.orchestrator.prometheus.PrometheusText;
import starfish.orchestrator.prometheus.PrometheusTextParser;

/**
 * What one validator exposed at one scrape: seconds since the benchmark started, every non-JVM counter and gauge
 * by series (`name` or `name{label="v",...}`), and every unlabelled histogram by name. Series broken down by
 * authority are added up over the authorities: a committee of n would otherwise put n copies of them in every scrape
 * of the results file (Prometheus and Grafana keep the breakdown).
 */
public record ValidatorScrape(double elapsedSeconds, Map<String, Double> values,
                              Map<String, HistogramSnapshot> histograms) {
    /** The suffixes of a family's sample names (histograms and summaries): none ends another. */
    private static final List<String> FAMILY_SUFFIXES = List.of("_bucket", "_sum", "_count", "_created");


    public double value(String series) {
        return values.getOrDefault(series, 0.0);
    }

    /** A parser for validators' pages: protocol metrics only, series keys without the authority label. */
    public static PrometheusTextParser parser() {
        return new PrometheusTextParser(ValidatorScrape::isProtocolMetric, Set.of("authority"));
    }

    public Optional<HistogramSnapshot> histogram(String name) {
        return Optional.ofNullable(histograms.get(name));
    }

    /**
     * Keeps the protocol's own metrics; JVM and process metrics stay out of the results file. A page lists each
     * family's samples together, so what a sample name stands for (its family, whether that is kept and a
     * histogram) is worked out once per run of samples with that name, not per sample.
     */
    public static ValidatorScrape of(double elapsedSeconds, PrometheusText text) {
        SeriesSums values = new SeriesSums();
        Map<String, HistogramSnapshot.Builder> histogramBuilders = new LinkedHashMap<>();
        String name = null;
        String family = null;
        boolean kept = false;
        HistogramSnapshot.Builder histogram = null;
        for (MetricSample sample : text.samples()) {
            if (!sample.name().equals(name)) {
                name = sample.name();
                family = sameTypedFamily(name, family, text) ? family : familyOf(name, text);
                kept = isProtocolMetric(family);
                histogram = kept && "histogram".equals(text.types().get(family))
                        ? histogramBuilders.computeIfAbsent(family, HistogramSnapshot.Builder::new) : null;
            }
            if (histogram != null) {
                histogram.accept(sample);
            } else if (kept && Double.isFinite(sample.value())) {
                values.add(sample.series(), sample.value());
            }
        }
        Map<String, HistogramSnapshot> histograms = new LinkedHashMap<>();
        histogramBuilders.forEach((histogramFamily, builder) -> builder.build()
                .ifPresent(h -> histograms.put(histogramFamily, h)));
        return new ValidatorScrape(elapsedSeconds, values.finish(), histograms);
    }

    /**
     * Values added up by series key. The samples summed over a label (a series per authority) come one after the
     * other, so a run of them is added up in a double and put once, not boxed and merged sample by sample.
     */
    private static final class SeriesSums {
        private final Map<String, Double> sums = new LinkedHashMap<>();
        private String series;
        private double sum;

        void add(String key, double value) {
            if (!key.equals(series)) {
                flush();
                series = key;
                sum = 0;
            }
            sum += value;
        }

        Map<String, Double> finish() {
            flush();
            return sums;
        }

        private void flush() {
            if (series != null) {
                sums.merge(series, sum, Double::sum);
            }
        }
    }

    /** Everything but the JVM and process metrics; a parser filtering with this does less work per page. */
    public static boolean isProtocolMetric(String name) {
        return !name.startsWith("jvm_") && !name.startsWith("process_");
    }

    /**
     * Whether `sampleName` is the typed `family` (that of the samples before) with one of its sample suffixes: a
     * histogram's buckets, sum, count and created lines follow one another, so their family is looked up once. No
     * suffix ends another, so familyOf would find this same family.
     */
    private static boolean sameTypedFamily(String sampleName, String family, PrometheusText text) {
        if (family == null || sampleName.length() <= family.length() || !sampleName.startsWith(family)
                || !text.types().containsKey(family)) {
            return false;
        }
        for (String suffix : FAMILY_SUFFIXES) {
            if (sampleName.length() == family.length() + suffix.length() && sampleName.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static String familyOf(String sampleName, PrometheusText text) {
        for (String suffix : FAMILY_SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (text.types().containsKey(family)) {
                    return family;
                }
            }
        }
        return sampleName;
    }
}
