package starfish.orchestrator.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.DurationText;
import starfish.orchestrator.report.SvgLineChart;
import starfish.orchestrator.report.SvgLineChart.Point;
import starfish.orchestrator.report.SvgLineChart.Series;

/**
 * The latency-throughput curve ("L-graph") of several runs that differ only in load: x = measured TPS, y = p50 and
 * p99 transaction latency. Points are joined in the order of the offered load, so a saturated protocol shows the
 * curve turning up (latency grows while TPS stays) or bending back (TPS falls).
 */
public final class LatencyThroughputGraph {

    private LatencyThroughputGraph() {
    }

    public static String svg(String title, List<LoadPoint> points) {
        List<LoadPoint> byLoad = points.stream().sorted(Comparator.comparingInt(LoadPoint::offeredLoad)).toList();
        return SvgLineChart.render(title, "tx/s", "ms", List.of(
                series("p50", "#2ca02c", byLoad, LoadPoint::p50Ms),
                series("p99", "#d62728", byLoad, LoadPoint::p99Ms)));
    }

    /**
     * Writes the graph of `outcomes` beside the first run's measurements file as
     * `l-graph-<consensus>-<committee>-<strategy>-<byzantine nodes>-<geo|nogeo>-<duration>.svg` and returns its path.
     */
    public static Path write(List<BenchmarkOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a latency-throughput graph needs at least one run");
        }
        BenchmarkParameters first = outcomes.get(0).parameters();
        Path file = outcomes.get(0).measurementsFile().toAbsolutePath().resolveSibling(fileName(first));
        String title = "Latency vs throughput · " + first.consensus().cliName() + " · n=" + first.committee();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, svg(title, outcomes.stream().map(LoadPoint::of).toList()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency-throughput graph to " + file, e);
        }
        return file;
    }

    static String fileName(BenchmarkParameters parameters) {
        return String.format(Locale.ROOT, "l-graph-%s-%d-%s-%d-%s-%s.svg", parameters.consensus().cliName(),
                parameters.committee(), parameters.byzantineStrategy().cliName(), parameters.byzantineNodes(),
                parameters.mimicExtraLatency() ? "geo" : "nogeo", DurationText.format(parameters.duration()));
    }

    private static Series series(String name, String color, List<LoadPoint> points, ToDoubleFunction<LoadPoint> y) {
        return new Series(name, color, points.stream().map(p -> new Point(p.tps(), y.applyAsDouble(p))).toList());
    }
}
