package starfish.orchestrator.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import starfish.orchestrator.report.ProtocolCurves;
import starfish.orchestrator.report.ResultFiles;
import starfish.orchestrator.report.SvgLineChart.Point;

/**
 * A sweep's points as `<base>.csv` and `<base>.json`, and its latency-throughput graph `<base>.svg` (x = measured
 * TPS, y = p50; a line per protocol and committee), written into one folder.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /** The files written: CSV, JSON, SVG. */
    public static List<Path> write(Path dir, String base, List<SweepLine> lines) {
        return List.of(ResultFiles.text(dir.resolve(base + ".csv"), csv(lines)),
                ResultFiles.json(dir.resolve(base + ".json"), lines),
                ResultFiles.text(dir.resolve(base + ".svg"), svg(lines)));
    }

    static String csv(List<SweepLine> lines) {
        StringBuilder text = new StringBuilder("protocol,committee,offered_load,tps,p50_ms,p99_ms\n");
        for (SweepLine line : lines) {
            for (LoadPoint p : line.points()) {
                text.append(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.3f,%.3f%n", line.protocol(),
                        line.committee(), p.offeredLoad(), p.tps(), p.p50Ms(), p.p99Ms()));
            }
        }
        return text.toString();
    }

    static String svg(List<SweepLine> lines) {
        boolean severalCommittees = lines.stream().map(SweepLine::committee).distinct().count() > 1;
        Map<String, List<Point>> curves = new LinkedHashMap<>();
        lines.forEach(line -> curves.put(severalCommittees ? line.label() : line.protocol(),
                line.points().stream().map(p -> new Point(p.tps(), p.p50Ms())).toList()));
        return ProtocolCurves.render("Latency vs throughput (p50)", curves);
    }

    /** The points as a table for the console. */
    public static String text(List<SweepLine> lines) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-16s %4s %12s %12s %10s %10s%n",
                "protocol", "n", "offered", "tps", "p50 ms", "p99 ms"));
        for (SweepLine line : lines) {
            for (LoadPoint p : line.points()) {
                text.append(String.format(Locale.ROOT, "%-16s %4d %12d %12.1f %10.1f %10.1f%n", line.protocol(),
                        line.committee(), p.offeredLoad(), p.tps(), p.p50Ms(), p.p99Ms()));
            }
        }
        return text.toString();
    }
}
