package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starfish.node.config.ClientParameters;
import starfish.node.config.NodeParameters;
import starfish.simulation.CostModel;
import starfish.simulation.LinkModel;
import starfish.simulation.SimulatedCommittee;
import starfish.simulation.SimulationSpec;
import starfish.protocol.Consensus;

/**
 * The whole committee crashes at one instant and restarts on its storage. The newest blocks were in flight and are
 * lost with the connections, so each validator has logged its own newest block but not the quorum of that round it
 * needs to propose the next one, and no block of the others is on its way: only its own newest block, sent again
 * to its peers, lets them fetch what they miss. In virtual time over 100 ms links, so that a crash always catches
 * blocks in flight.
 */
class WholeCommitteeRestartTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = Consensus.class, names = {"MYSTICETI", "STARFISH"})
    void aCommitteeThatCrashedTogetherCommitsAgainAfterItsRestart(Consensus consensus) {
        SimulationSpec spec = new SimulationSpec(consensus, 4, 400, Map.of(),
                new LinkModel(Optional.of(Duration.ofMillis(100)), 5), 0, CostModel.ZERO, NodeParameters.DEFAULTS,
                ClientParameters.DEFAULTS, 11);
        try (SimulatedCommittee committee = new SimulatedCommittee(spec, directory)) {
            committee.startAll();
            committee.runUntil(Duration.ofMillis(5_050));
            int[] lengthsAtCrash = new int[committee.size()];
            for (int i = 0; i < committee.size(); i++) {
                committee.crash(i);
                lengthsAtCrash[i] = committee.committedLines(i).size();
            }
            assertThat(lengthsAtCrash[0]).as("leaders committed before the crash").isGreaterThan(10);

            committee.startAll();
            committee.runUntil(Duration.ofSeconds(15));
            for (int i = 0; i < committee.size(); i++) {
                assertThat(committee.committedLines(i)).as("validator %d's committed log after the restart", i)
                        .hasSizeGreaterThan(lengthsAtCrash[i] + 10);
            }
        }
    }
}
