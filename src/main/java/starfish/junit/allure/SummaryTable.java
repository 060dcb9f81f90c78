package starfish.junit.allure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.report.Html;

/** A run's summary as a two-column HTML table (metric, value) for the report. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String html(BenchmarkParameters parameters, Summary summary) {
        StringBuilder html = new StringBuilder("<html><body><table style=\"border-collapse:collapse\">\n")
                .append("<caption>").append(Html.escape(parameters.displayName())).append("</caption>\n");
        rows(summary).forEach((metric, value) -> html.append("<tr><th style=\"text-align:left;padding:2px 12px\">")
                .append(Html.escape(metric)).append("</th><td style=\"text-align:right;padding:2px 12px\">")
                .append(Html.escape(value)).append("</td></tr>\n"));
        return html.append("</table></body></html>\n").toString();
    }

    private static Map<String, String> rows(Summary s) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("throughput", number(s.tps()) + " tx/s");
        rows.put("payload throughput", number(s.bps()) + " B/s");
        latency(rows, "transaction latency", s.transactionLatencyMs());
        latency(rows, "block latency", s.blockLatencyMs());
        rows.put("bandwidth", number(s.bandwidthBytesPerSecond()) + " B/s");
        rows.put("bandwidth efficiency", number(s.bandwidthEfficiency()));
        rows.put("safety", s.safety().jsonName() + (s.safetyDetail().isBlank() ? "" : " (" + s.safetyDetail() + ")"));
        rows.put("live", s.live() ? "yes" : "no");
        rows.put("byzantine authorities", s.byzantineAuthorities().toString());
        rows.put("measured", number(s.measuredSeconds()) + " s");
        return rows;
    }

    private static void latency(Map<String, String> rows, String name, LatencyStats ms) {
        rows.put(name + " avg", number(ms.avg()) + " ms");
        rows.put(name + " stdev", number(ms.stdev()) + " ms");
        rows.put(name + " p50", number(ms.p50()) + " ms");
        rows.put(name + " p90", number(ms.p90()) + " ms");
        rows.put(name + " p99", number(ms.p99()) + " ms");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }
}
