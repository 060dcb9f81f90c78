package starfish.orchestrator.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The PromQL expressions of the packaged dashboard's panels, and the metric names they select. */
final class DashboardQueries {

    private DashboardQueries() {
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(GrafanaDashboard.json());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> expressions() {
        return expressions(dashboard());
    }

    /** Every panel's expressions, including those of panels inside a collapsed row (which holds them itself). */
    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        addExpressions(dashboard.path("panels"), expressions);
        return expressions;
    }

    private static void addExpressions(JsonNode panels, List<String> expressions) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
            addExpressions(panel.path("panels"), expressions);
        }
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        expressions().forEach(expression -> names.addAll(PromQlMetricNames.of(expression)));
        return names;
    }

    /** The expression as Grafana sends it, with its interval variable filled in. */
    static String asSent(String expression) {
        return expression.replace("$__rate_interval", "1m");
    }
}
