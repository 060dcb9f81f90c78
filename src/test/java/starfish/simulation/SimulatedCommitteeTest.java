package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.config.ClientParameters;
import starfish.node.config.NodeParameters;
import starfish.node.core.Validator;
import starfish.protocol.Consensus;

class SimulatedCommitteeTest {

    @TempDir
    Path directory;

    private static SimulationSpec spec(Consensus consensus, long seed) {
        return spec(consensus, seed, 0, CostModel.ZERO);
    }

    private static SimulationSpec spec(Consensus consensus, long seed, double uplinkMbps, CostModel costs) {
        return new SimulationSpec(consensus, 4, 400, Map.of(), new LinkModel(Optional.of(Duration.ofMillis(100)), 5),
                uplinkMbps, costs, NodeParameters.DEFAULTS, ClientParameters.DEFAULTS, seed);
    }

    private List<List<String>> run(SimulationSpec spec, String name) {
        return run(new SimulatedCommittee(spec, directory.resolve(name)));
    }

    private static List<List<String>> run(SimulatedCommittee started) {
        try (SimulatedCommittee committee = started) {
            committee.startAll();
            committee.runUntil(Duration.ofSeconds(10));
            committee.close();
            List<List<String>> logs = new ArrayList<>();
            for (int i = 0; i < committee.size(); i++) {
                logs.add(committee.committedLines(i));
            }
            return logs;
        }
    }

    @Test
    void honestValidatorsCommitTheSameSequenceInVirtualTime() {
        List<List<String>> logs = run(spec(Consensus.STARFISH, 1), "a");
        assertThat(logs.get(0)).hasSizeGreaterThan(20);
        int common = logs.stream().mapToInt(List::size).min().orElseThrow();
        logs.forEach(log -> assertThat(log.subList(0, common)).isEqualTo(logs.get(0).subList(0, common)));
    }

    /** A hundred validators' write-ahead logs run to gigabytes: they go when the run ends, the committed logs stay. */
    @Test
    void closingDeletesTheWriteAheadLogsAndKeepsTheCommittedLogs() {
        run(spec(Consensus.MYSTICETI, 2), "closed");
        for (int i = 0; i < 4; i++) {
            Path storage = directory.resolve("closed").resolve("storage-" + i);
            assertThat(storage.resolve(Validator.BLOCK_LOG)).doesNotExist();
            assertThat(storage.resolve("committed.log")).isNotEmptyFile();
        }
    }

    @Test
    void oneSeedGivesOneRunAndAnotherSeedAnother() {
        List<List<String>> first = run(spec(Consensus.MYSTICETI, 7), "first");
        List<List<String>> again = run(spec(Consensus.MYSTICETI, 7), "again");
        List<List<String>> other = run(spec(Consensus.MYSTICETI, 8), "other");
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** Validators in different regions (the RTT table) with jitter, run on one thread and on three. */
    @Test
    void aRunIsTheSameOnOneThreadAndOnSeveral() {
        SimulationSpec spec = new SimulationSpec(Consensus.STARFISH, 10, 1_000, Map.of(),
                new LinkModel(Optional.empty(), 3), 0, CostModel.ZERO, NodeParameters.DEFAULTS,
                ClientParameters.DEFAULTS, 5);
        List<List<String>> alone = run(new SimulatedCommittee(spec, directory.resolve("alone"), 1));
        List<List<String>> shared = run(new SimulatedCommittee(spec, directory.resolve("shared"), 3));
        assertThat(alone.get(0)).hasSizeGreaterThan(20);
        assertThat(shared).isEqualTo(alone);
    }

    /** Each validator sends about 1.2 Mbps of blocks: through a 0.5 Mbps uplink its frames queue up. */
    @Test
    void aNarrowUplinkAndProcessingCostsSlowTheCommitteeDown() {
        int free = run(spec(Consensus.MYSTICETI, 3), "free").get(0).size();
        int narrow = run(spec(Consensus.MYSTICETI, 3, 0.5, CostModel.ZERO), "narrow").get(0).size();
        int busy = run(spec(Consensus.MYSTICETI, 3, 0, new CostModel(Duration.ofMillis(20), Duration.ZERO,
                Duration.ZERO)), "busy").get(0).size();

        assertThat(narrow).isLessThan(free / 2);
        assertThat(busy).isLessThan(free);
    }
}
