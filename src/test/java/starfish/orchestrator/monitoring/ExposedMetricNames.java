package starfish.orchestrator.monitoring;

import java.util.Set;
import java.util.TreeSet;

/** The sample names in Prometheus text exposition (`name{labels} value`), e.g. `foo_bucket`, `foo_total`. */
final class ExposedMetricNames {

    private ExposedMetricNames() {
    }

    static Set<String> of(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                names.add(line.substring(0, end));
            }
        }
        return names;
    }
}
