package starfish.orchestrator.measurement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one validator exposed at one scrape: seconds since the benchmark started, every non-JVM counter and gauge
 * by series (`name` or `name{label="v",...}`), and every unlabelled histogram by name.
 */
public record ValidatorScrape(double elapsedSeconds, Map<String, Double> values,
                              Map<String, HistogramSnapshot> histograms) {

    public double value(String series) {
        return values.getOrDefault(series, 0.0);
    }

    public Optional<HistogramSnapshot> histogram(String name) {
        return Optional.ofNullable(histograms.get(name));
    }

    /** Keeps the protocol's own metrics; JVM and process metrics stay out of the results file. */
    public static ValidatorScrape of(double elapsedSeconds, PrometheusText text) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, HistogramSnapshot> histograms = new LinkedHashMap<>();
        Set<String> histogramFamilies = new HashSet<>();
        Map<String, String> families = new HashMap<>();
        for (MetricSample sample : text.samples()) {
            String family = families.computeIfAbsent(sample.name(), name -> familyOf(name, text));
            if (!isProtocolMetric(family)) {
                continue;
            }
            if ("histogram".equals(text.types().get(family))) {
                // one pass over the page per histogram, not per bucket line
                if (!histogramFamilies.contains(family) && onlyBucketLabel(sample)) {
                    histogramFamilies.add(family);
                    HistogramSnapshot.from(text, family).ifPresent(h -> histograms.put(family, h));
                }
            } else if (Double.isFinite(sample.value())) {
                values.put(seriesKey(sample), sample.value());
            }
        }
        return new ValidatorScrape(elapsedSeconds, values, histograms);
    }

    private static boolean onlyBucketLabel(MetricSample sample) {
        for (String label : sample.labels().keySet()) {
            if (!"le".equals(label)) {
                return false;
            }
        }
        return true;
    }

    /** Everything but the JVM and process metrics; a parser filtering with this does less work per page. */
    public static boolean isProtocolMetric(String name) {
        return !name.startsWith("jvm_") && !name.startsWith("process_");
    }

    private static String familyOf(String sampleName, PrometheusText text) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count", "_created"}) {
            if (sampleName.endsWith(suffix)) {
                String family = sampleName.substring(0, sampleName.length() - suffix.length());
                if (text.types().containsKey(family)) {
                    return family;
                }
            }
        }
        return sampleName;
    }

    private static String seriesKey(MetricSample sample) {
        if (sample.labels().isEmpty()) {
            return sample.name();
        }
        StringBuilder key = new StringBuilder(sample.name()).append('{');
        sample.labels().forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
    }
}
