package starfish.orchestrator.prometheus;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One line of Prometheus text: its series (name and labels), its value and the optional timestamp (ms). The parser
 * makes one Series per distinct line prefix and shares it between the samples of every page that carries it.
 */
public record MetricSample(Series id, double value, OptionalLong timestampMs) {

    /**
     * A metric name, its labels, the series key (`name` or `name{k="v",...}` with the labels in their order, values
     * unescaped) and the `le` label read as a number (NaN without one): a histogram bucket's bound is read once per
     * run, not once per scrape.
     */
    public record Series(String name, Map<String, String> labels, String key, double upperBound) {
    }

    public String name() {
        return id.name();
    }

    public Map<String, String> labels() {
        return id.labels();
    }

    /** The series key. */
    public String series() {
        return id.key();
    }

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
