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
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
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
