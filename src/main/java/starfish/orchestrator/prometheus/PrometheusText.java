package starfish.orchestrator.prometheus;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed Prometheus text exposition: every sample in order, and the declared type of each metric family. */
public record PrometheusText(List<MetricSample> samples, Map<String, String> types) {

    /** The value of the series `name` without labels, if exposed. */
    public Optional<Double> value(String name) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().isEmpty()).map(MetricSample::value)
                .findFirst();
    }

    public List<MetricSample> series(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }
}
