package starfish.junit.allure;

import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.measurement.SummaryFormat;
import starfish.orchestrator.report.Html;

/** A run's summary as a two-column HTML table (metric, value) for the report. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String html(BenchmarkParameters parameters, Summary summary) {
        StringBuilder html = new StringBuilder("<html><body><table style=\"border-collapse:collapse\">\n")
                .append("<caption>").append(Html.escape(parameters.displayName())).append("</caption>\n");
        SummaryFormat.rows(summary).forEach((metric, value) -> html.append("<tr><th style=\"text-align:left;padding:2px 12px\">")
                .append(Html.escape(metric)).append("</th><td style=\"text-align:right;padding:2px 12px\">")
                .append(Html.escape(value)).append("</td></tr>\n"));
        return html.append("</table></body></html>\n").toString();
    }
}
