package starfish.orchestrator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import starfish.orchestrator.benchmark.BenchmarkParameters;

/**
 * Runs side by side: protocol, committee, load and Byzantine strategy against TPS, latency percentiles, efficiency,
 * safety and liveness; as monospaced text for the console and as an HTML table for the report.
 */
public final class RunTable {
    private record Column(String header, boolean numeric, Function<RunRow, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("protocol", false, r -> r.parameters().consensus().cliName()),
            new Column("n", true, r -> String.valueOf(r.parameters().committee())),
            new Column("load tx/s", true, r -> String.format(Locale.ROOT, "%,d", r.parameters().load())),
            new Column("byzantine", false, r -> byzantine(r.parameters())),
            new Column("geo", false, r -> r.parameters().mimicExtraLatency() ? "yes" : "no"),
            new Column("TPS", true, r -> String.format(Locale.ROOT, "%,.1f", r.summary().tps())),
            new Column("p50", true, r -> Figures.millis(r.summary().transactionLatencyMs().p50())),
            new Column("p90", true, r -> Figures.millis(r.summary().transactionLatencyMs().p90())),
            new Column("p99", true, r -> Figures.millis(r.summary().transactionLatencyMs().p99())),
            new Column("efficiency (committee)", true, r -> Figures.ratio(r.summary().bandwidth().efficiencyCommittee())),
            new Column("safety", false, r -> Figures.safety(r.summary())),
            new Column("live", false, r -> r.summary().live() ? "yes" : "NO"),
            new Column("verdict", false, RunRow::verdict));

    private RunTable() {
    }

    public static String text(List<RunRow> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(COLUMNS.stream().map(Column::header).toList());
        rows.forEach(row -> cells.add(COLUMNS.stream().map(c -> c.value().apply(row)).toList()));
        int[] widths = new int[COLUMNS.size()];
        cells.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                text.append(i == 0 ? "" : "  ").append(COLUMNS.get(i).numeric() ? pad + cell : cell + pad);
            }
            text.append(System.lineSeparator());
        }
        return text.toString().replaceAll(" +(\\R)", "$1");
    }

    public static String html(List<RunRow> rows) {
        StringBuilder html = new StringBuilder(
                "<table class=\"starfish-runs\" style=\"border-collapse:collapse;white-space:nowrap;font-size:85%\">\n<tr>");
        COLUMNS.forEach(c -> html.append("<th style=\"padding:2px 5px;border-bottom:1px solid #999\">")
                .append(Html.escape(c.header())).append("</th>"));
        html.append("</tr>\n");
        for (RunRow row : rows) {
            html.append("<tr>");
            COLUMNS.forEach(c -> html.append("<td style=\"padding:2px 5px;text-align:")
                    .append(c.numeric() ? "right" : "left").append(color(c, row)).append("\">")
                    .append(Html.escape(c.value().apply(row))).append("</td>"));
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** A failed verdict, a violated safety or a lost liveness stands out in red. */
    private static String color(Column column, RunRow row) {
        String value = column.value().apply(row);
        boolean bad = switch (column.header()) {
            case "verdict" -> !value.equals(RunRow.PASSED);
            case "safety" -> !value.equals("safe");
            case "live" -> value.equals("NO");
            default -> false;
        };
        return bad ? ";color:#c00" : "";
    }

    private static String byzantine(BenchmarkParameters parameters) {
        return parameters.hasByzantine()
                ? parameters.byzantineNodes() + " " + parameters.byzantineStrategy().cliName() : "-";
    }
}
