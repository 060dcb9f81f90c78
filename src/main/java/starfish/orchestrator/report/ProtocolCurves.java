package starfish.orchestrator.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import starfish.orchestrator.report.SvgLineChart.Point;
import starfish.orchestrator.report.SvgLineChart.Series;

/**
 * The latency-throughput graph of a class of runs that sweeps loads: one line per protocol (x = measured TPS,
 * y = p50 transaction latency), its points joined in the order of the offered load.
 */
public final class ProtocolCurves {
    private static final List<String> COLORS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
            "#8c564b");

    private ProtocolCurves() {
    }

    /** Empty unless some protocol ran at two loads or more: a single point per protocol is no curve. */
    public static Optional<String> svg(List<RunRow> rows) {
        Map<String, List<RunRow>> byProtocol = rows.stream().collect(Collectors.groupingBy(
                r -> r.parameters().consensus().cliName(), LinkedHashMap::new, Collectors.toList()));
        boolean sweeps = byProtocol.values().stream()
                .anyMatch(runs -> runs.stream().map(r -> r.parameters().load()).distinct().count() > 1);
        if (!sweeps) {
            return Optional.empty();
        }
        Map<String, List<Point>> curves = new LinkedHashMap<>();
        byProtocol.forEach((protocol, runs) -> curves.put(protocol, runs.stream()
                .sorted(Comparator.comparingInt(r -> r.parameters().load()))
                .map(r -> new Point(r.summary().tps(), r.summary().transactionLatencyMs().p50())).toList()));
        return Optional.of(render("Latency vs throughput (p50)", curves));
    }

    /** One line per entry (x = TPS, y = latency in ms), each in a colour of its own, in the map's order. */
    public static String render(String title, Map<String, List<Point>> curves) {
        List<String> names = List.copyOf(curves.keySet());
        List<Series> series = names.stream().map(name -> new Series(name,
                COLORS.get(names.indexOf(name) % COLORS.size()), curves.get(name))).toList();
        return SvgLineChart.render(title, "tx/s", "ms", series);
    }
}
