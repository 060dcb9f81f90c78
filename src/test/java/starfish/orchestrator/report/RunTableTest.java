package starfish.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summaries;
import starfish.orchestrator.measurement.Summary;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

class RunTableTest {
    private static final RunRow MYSTICETI = row(Consensus.MYSTICETI, 300, 299.8, 62, Safety.OK, RunRow.PASSED);
    private static final RunRow STARFISH = row(Consensus.STARFISH, 1_000, 1_003.4, 93.4, Safety.VIOLATED, "failed");

    @Test
    void linesUpEveryRunUnderItsColumns() {
        String[] lines = RunTable.text(List.of(MYSTICETI, STARFISH)).split(System.lineSeparator());

        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("protocol   n  load tx/s").endsWith("verdict");
        assertThat(lines[1]).startsWith("mysticeti  4        300").contains("  299.8  62 ms").endsWith("passed");
        assertThat(lines[2]).startsWith("starfish   4      1,000").contains("1,003.4  93 ms")
                .contains("safety violated").endsWith("failed");
        assertThat(lines[1].indexOf("62 ms") + "62 ms".length()).isEqualTo(lines[2].indexOf("93 ms") + 5);
    }

    @Test
    void marksAFailedRunAndAViolatedSafetyInRed() {
        String html = RunTable.html(List.of(MYSTICETI, STARFISH));

        assertThat(html).contains("color:#c00\">safety violated</td>").contains("color:#c00\">failed</td>")
                .doesNotContain("color:#c00\">passed");
    }

    @Test
    void drawsALatencyThroughputLinePerProtocolOnlyWhenTheRunsSweepLoads() {
        RunRow mysticetiAt1000 = row(Consensus.MYSTICETI, 1_000, 1_001, 63, Safety.OK, RunRow.PASSED);

        assertThat(ProtocolCurves.svg(List.of(MYSTICETI, STARFISH))).isEmpty();
        assertThat(ProtocolCurves.svg(List.of(MYSTICETI, mysticetiAt1000, STARFISH))).hasValueSatisfying(svg ->
                assertThat(svg).contains("— mysticeti").contains("— starfish").containsPattern("(?s)(<polyline.*){2}"));
    }

    private static RunRow row(Consensus consensus, int load, double tps, double p50, Safety safety, String verdict) {
        BenchmarkParameters parameters = BenchmarkParameters.builder().consensus(consensus).load(load)
                .byzantine(0, ByzantineStrategy.HONEST).duration(Duration.ofSeconds(20)).build();
        Summary summary = Summaries.of(tps, new LatencyStats(p50 + 5, 10, p50, p50, 2 * p50, 2 * p50, 3 * p50),
                LatencyStats.empty(), 4, safety, safety == Safety.OK ? "" : "diverge at 3", true, 20);
        return new RunRow(parameters, summary, verdict);
    }
}
