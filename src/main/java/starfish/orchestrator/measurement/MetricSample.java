package starfish.orchestrator.measurement;

import java.util.Map;
import java.util.OptionalLong;

/** One line of Prometheus text: a series name, its labels, its value and the optional timestamp (ms). */
public record MetricSample(String name, Map<String, String> labels, double value, OptionalLong timestampMs) {
}
