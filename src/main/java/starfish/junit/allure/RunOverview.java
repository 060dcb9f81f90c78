package starfish.junit.allure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import starfish.junit.history.Baseline;
import starfish.junit.history.HistoryEntry;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.measurement.SummaryFormat;
import starfish.orchestrator.report.Figures;
import starfish.orchestrator.report.Html;
import starfish.orchestrator.report.RunRow;
import starfish.orchestrator.report.RunTable;
import starfish.orchestrator.report.SvgLineChart;
import starfish.orchestrator.report.SvgLineChart.Point;
import starfish.orchestrator.report.SvgLineChart.Series;

/**
 * What a run's page in the report shows without expanding anything: its figures, its charts over time, and its
 * scenario's recent runs against the baseline.
 */
final class RunOverview {
    private static final int TREND_RUNS = 10;
    private static final List<String> RESOURCE_ROWS = List.of("committed blocks", "bandwidth per validator",
            "efficiency per validator", "CPU per validator", "resident memory per validator",
            "heap after GC per validator", "storage per round", "bandwidth per round", "header size p50",
            "ready at boot", "metrics coverage", "window");

    private RunOverview() {
    }

    static String html(RunRow row, List<String> charts, List<HistoryEntry> history, Optional<Baseline> baseline) {
        StringBuilder html = new StringBuilder("<div class=\"starfish-run\">\n<h3>")
                .append(Html.escape(row.parameters().displayName())).append("</h3>\n")
                .append(RunTable.html(List.of(row)))
                .append(resources(row.summary()));
        charts.forEach(html::append);
        return html.append(trend(history, baseline)).append("</div>\n").toString();
    }

    /** Throughput in blocks and what the run cost, medians over honest validators (the attachment has the rest). */
    private static String resources(Summary s) {
        Map<String, String> rows = SummaryFormat.rows(s);
        StringBuilder html = new StringBuilder("<table class=\"starfish-resources\" style=\"border-collapse:collapse\">\n");
        for (String name : RESOURCE_ROWS) {
            html.append("<tr>").append(cell(name)).append(cell(rows.get(name))).append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String trend(List<HistoryEntry> history, Optional<Baseline> baseline) {
        List<HistoryEntry> recent = history.subList(Math.max(0, history.size() - TREND_RUNS), history.size());
        StringBuilder html = new StringBuilder("<h4>Trend: this scenario's last ").append(recent.size())
                .append(" run(s) on this kind of machine</h4>\n<p>")
                .append(Html.escape(baseline.map(b -> String.format(Locale.ROOT, "Baseline (%s): %s, p50 %s",
                        b.describe(), Figures.rate(b.tps()), Figures.millis(b.p50Ms())))
                        .orElse("No baseline yet: it needs " + Baseline.MINIMUM + " runs that met their thresholds.")))
                .append("</p>\n<table class=\"starfish-trend\" style=\"border-collapse:collapse\">\n<tr>");
        for (String header : List.of("time", "commit", "TPS", "p50", "p99", "thresholds")) {
            html.append("<th style=\"padding:2px 8px;border-bottom:1px solid #999\">").append(header).append("</th>");
        }
        html.append("</tr>\n");
        for (HistoryEntry entry : recent) {
            html.append("<tr>").append(cell(entry.time())).append(cell(entry.commit()))
                    .append(cell(Figures.rate(entry.tps()))).append(cell(Figures.millis(entry.p50Ms())))
                    .append(cell(Figures.millis(entry.p99Ms()))).append(cell(entry.passed() ? "met" : "violated"))
                    .append("</tr>\n");
        }
        html.append("</table>\n");
        baseline.filter(b -> recent.size() > 1).ifPresent(b -> html.append(SvgLineChart.render(
                "Recent runs against the baseline", "runs", "% of baseline", List.of(
                        relative("TPS", "#1f77b4", recent, e -> e.tps() / b.tps()),
                        relative("p50", "#2ca02c", recent, e -> e.p50Ms() / b.p50Ms())))));
        return html.toString();
    }

    private static Series relative(String name, String color, List<HistoryEntry> entries,
            ToDoubleFunction<HistoryEntry> ofBaseline) {
        return new Series(name, color, IntStream.range(0, entries.size())
                .mapToObj(i -> new Point(i + 1, 100 * ofBaseline.applyAsDouble(entries.get(i)))).toList());
    }

    private static String cell(String text) {
        return "<td style=\"padding:2px 8px\">" + Html.escape(text) + "</td>";
    }
}
