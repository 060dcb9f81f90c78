package starfish.orchestrator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summaries;
import starfish.orchestrator.measurement.Summary;
import starfish.protocol.Consensus;

class LatencyThroughputGraphTest {
    @TempDir
    Path dir;

    @Test
    void plotsP50AndP99AgainstMeasuredThroughputInLoadOrder() throws Exception {
        // given out of order: the curve must still run from the lowest to the highest load
        String svg = LatencyThroughputGraph.svg("L", List.of(
                new LoadPoint(20_000, 10_000, 800, 1_900),
                new LoadPoint(1_000, 1_000, 10, 30),
                new LoadPoint(10_000, 9_900, 40, 120)));

        var polylines = parse(svg).getElementsByTagName("polyline");
        assertThat(polylines.getLength()).isEqualTo(2);
        String[] p99 = ((Element) polylines.item(1)).getAttribute("points").split(" ");
        // x axis ends at 10000 tx/s (plot 70..620), y axis at 2000 ms (plot 276..36)
        assertThat(p99).containsExactly("125.0,272.4", "614.5,261.6", "620.0,48.0");
        assertThat(svg).contains(">10000 tx/s<").contains(">ms<");
    }

    @Test
    void writesTheGraphBesideTheMeasurementsFiles() throws Exception {
        Path results = dir.resolve("results").resolve("local");
        List<BenchmarkOutcome> outcomes = List.of(outcome(results, 1_000, 1_000, 12), outcome(results, 5_000, 4_900, 30));

        Path file = LatencyThroughputGraph.write(outcomes);

        assertThat(file.getParent()).isEqualTo(results.toAbsolutePath());
        assertThat(file.getFileName().toString()).isEqualTo("l-graph-starfish-4-honest-0-nogeo-20s.svg");
        assertThat(parse(Files.readString(file)).getElementsByTagName("polyline").getLength()).isEqualTo(2);
        assertThat(Files.readString(file)).contains("Latency vs throughput · starfish · n=4");
    }

    private static BenchmarkOutcome outcome(Path results, int load, double tps, double p50) {
        BenchmarkParameters parameters = BenchmarkParameters.builder().consensus(Consensus.STARFISH).committee(4)
                .load(load).duration(Duration.ofSeconds(20)).build();
        Summary summary = Summaries.of(tps, new LatencyStats(p50, 1, p50, p50, p50 * 2, p50 * 2, p50 * 3),
                LatencyStats.empty(), 0, Safety.OK, "", true, 20);
        return new BenchmarkOutcome(parameters, summary, results.resolve("measurements-" + parameters.slug()
                + ".json"), results.resolve("logs"));
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
