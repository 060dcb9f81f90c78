package starfish.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import starfish.node.dag.Block;
import starfish.protocol.Consensus;

/** cordial-miners: waves of three rounds that do not overlap, so only every third round has a leader. */
class CordialMinersCommitterTest {

    private final TestDag dag = new TestDag(4);
    private final LeaderSchedule schedule = LeaderSchedule.of(Consensus.CORDIAL_MINERS, 4);

    private Committer committer() {
        return dag.committer(schedule, new MysticetiSkipRule(dag.committee));
    }

    @Test
    void onlyEveryThirdRoundHasALeaderAndEveryAuthorityTakesTurns() {
        assertThat(LongStream.rangeClosed(1, 9).filter(schedule::isLeaderRound)).containsExactly(3L, 6L, 9L);
        assertThat(LongStream.of(3, 6, 9, 12).mapToInt(r -> schedule.slot(r).authority())).containsExactly(1, 2, 3, 0);
        // a committee whose size is a multiple of the wave length still rotates through everyone
        LeaderSchedule three = LeaderSchedule.nonPipelined(3);
        assertThat(LongStream.of(3, 6, 9).mapToInt(r -> three.slot(r).authority())).containsExactly(1, 2, 0);
        assertThat(LeaderSchedule.of(Consensus.STARFISH, 4).isLeaderRound(1)).isTrue();
    }

    @Test
    void commitsTheWaveLeaderWithItsDecisionRoundAndNothingInBetween() {
        List<Block> round2 = dag.fullRounds(0, 2, dag.genesis);
        List<Block> round3 = dag.fullRound(3, round2);
        dag.fullRounds(3, 5, round3);

        List<Decision> decisions = committer().tryDecide();

        // the pipelined rule would decide slots 1, 2 and 3 from the same DAG
        assertThat(decisions).singleElement().isInstanceOfSatisfying(Decision.Commit.class, commit -> {
            assertThat(commit.slot()).isEqualTo(new LeaderSlot(3, 1));
            assertThat(commit.leader()).isEqualTo(round3.get(1));
            assertThat(commit.type()).isEqualTo(CommitType.DIRECT_COMMIT);
        });
    }

    @Test
    void skipsAnUnreferencedWaveLeaderAndCommitsTheNextWave() {
        List<Block> round3 = new ArrayList<>(dag.fullRounds(0, 3, dag.genesis));
        round3.remove(1); // authority 1 leads round 3; no voting block links to it
        dag.fullRounds(3, 8, round3);

        List<Decision> decisions = committer().tryDecide();

        assertThat(decisions).extracting(Decision::slot)
                .containsExactly(new LeaderSlot(3, 1), new LeaderSlot(6, 2));
        assertThat(decisions.get(0)).isInstanceOfSatisfying(Decision.Skip.class,
                skip -> assertThat(skip.type()).isEqualTo(CommitType.DIRECT_SKIP));
        assertThat(decisions.get(1)).isInstanceOf(Decision.Commit.class);
    }

    @Test
    void waitsForTheDecisionRoundOfTheWave() {
        dag.fullRounds(0, 4, dag.genesis);

        assertThat(committer().tryDecide()).isEmpty();
    }
}
