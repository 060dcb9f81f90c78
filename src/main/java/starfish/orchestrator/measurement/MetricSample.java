package starfish.orchestrator.measurement;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One line of Prometheus text: a metric name, its labels, the series key (`name` or `name{k="v",...}` with the
 * labels in their order, values unescaped), its value and the optional timestamp (ms).
 */
public record MetricSample(String name, Map<String, String> labels, String series, double value,
                           OptionalLong timestampMs) {

    static String seriesKey(String name, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append('{');
        labels.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
    }
}
