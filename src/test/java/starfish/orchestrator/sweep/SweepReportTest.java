package starfish.orchestrator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
    private static final List<SweepLine> LINES = List.of(
            new SweepLine("mysticeti", 4, List.of(new LoadPoint(1_000, 998.5, 61.2, 99.0),
                    new LoadPoint(4_000, 3_990, 70.5, 140.25))),
            new SweepLine("starfish", 4, List.of(new LoadPoint(1_000, 1_001, 92, 270))));

    @Test
    void writesThePointsAsCsvAndJsonAndALinePerProtocol(@TempDir Path dir) throws Exception {
        List<Path> files = SweepReport.write(dir, "sweep-x", LINES);

        assertThat(files).containsExactly(dir.resolve("sweep-x.csv"), dir.resolve("sweep-x.json"),
                dir.resolve("sweep-x.svg"));
        assertThat(Files.readAllLines(files.get(0))).containsExactly(
                "protocol,committee,offered_load,tps,p50_ms,p99_ms",
                "mysticeti,4,1000,998.500,61.200,99.000",
                "mysticeti,4,4000,3990.000,70.500,140.250",
                "starfish,4,1000,1001.000,92.000,270.000");
        JsonNode json = new ObjectMapper().readTree(files.get(1).toFile());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("protocol").asText()).isEqualTo("mysticeti");
        assertThat(json.get(0).get("points").get(1).get("offered_load").asInt()).isEqualTo(4_000);
        String svg = Files.readString(files.get(2));
        assertThat(svg).contains("— mysticeti").contains("— starfish").doesNotContain("n=4");
    }

    @Test
    void aCommitteeSweepNamesEachLineWithItsCommittee() {
        List<SweepLine> committees = List.of(new SweepLine("mysticeti", 4, List.of(new LoadPoint(0, 0, 1, 1))),
                new SweepLine("mysticeti", 10, List.of(new LoadPoint(0, 0, 2, 2))));

        assertThat(SweepReport.svg(committees)).contains("— mysticeti n=4").contains("— mysticeti n=10");
    }
}
