package starfish.orchestrator.validator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The query string that asks a Prometheus Java client exporter for some metrics only: `?name[]=a&name[]=b` (brackets
 * escaped, as a URI requires). An exporter without this filter ignores the query and serves its whole page.
 */
public final class MetricsQuery {

    private MetricsQuery() {
    }

    public static String of(List<String> names) {
        // Prometheus metric names are [a-zA-Z_:][a-zA-Z0-9_:]*: nothing in them to escape in a query
        return names.stream().map(name -> "name%5B%5D=" + name).collect(Collectors.joining("&", "?", ""));
    }
}
