package starfish.orchestrator.stability;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import starfish.orchestrator.report.ResultFiles;
import starfish.orchestrator.report.SvgLineChart;
import starfish.orchestrator.report.SvgLineChart.Point;
import starfish.orchestrator.report.SvgLineChart.Series;

/**
 * Writes a long run's samples beside its measurements file: `<base>.csv` (one line per sample), `<base>.json`, and
 * the charts `<base>-tps.svg` (TPS over time) and `<base>-latency.svg` (p50 and p99 over time).
 */
public final class StabilityReport {
    private StabilityReport() {
    }

    /** The files written, CSV first. */
    public static List<Path> write(Path measurementsFile, String base, List<StabilitySample> samples) {
        Path dir = measurementsFile.toAbsolutePath().getParent();
        return List.of(ResultFiles.text(dir.resolve(base + ".csv"), csv(samples)),
                ResultFiles.json(dir.resolve(base + ".json"), samples),
                ResultFiles.text(dir.resolve(base + "-tps.svg"), tpsChart(samples)),
                ResultFiles.text(dir.resolve(base + "-latency.svg"), latencyChart(samples)));
    }

    static String csv(List<StabilitySample> samples) {
        StringBuilder text = new StringBuilder(String.join(",", StabilitySample.COLUMNS)).append('\n');
        samples.forEach(sample -> text.append(sample.csvRecord()).append('\n'));
        return text.toString();
    }

    static String tpsChart(List<StabilitySample> samples) {
        return SvgLineChart.render("Throughput over time", "s", "tx/s",
                List.of(series("tps", "#1f77b4", samples, StabilitySample::tps)));
    }

    static String latencyChart(List<StabilitySample> samples) {
        return SvgLineChart.render("Transaction latency over time", "s", "ms", List.of(
                series("p50", "#2ca02c", samples, StabilitySample::transactionP50Ms),
                series("p99", "#d62728", samples, StabilitySample::transactionP99Ms)));
    }

    private static Series series(String name, String color, List<StabilitySample> samples,
                                 ToDoubleFunction<StabilitySample> y) {
        return new Series(name, color, samples.stream().map(s -> new Point(s.endSeconds(), y.applyAsDouble(s)))
                .toList());
    }
}
