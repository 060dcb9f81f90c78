package starfish.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.dag.Block;

class CommitterTest {

    private final TestDag dag = new TestDag(4);

    @Test
    void directlyCommitsALeaderWithAQuorumOfCertificates() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = dag.fullRound(2, round1);
        dag.fullRound(3, round2);

        List<Decision> decisions = dag.committer().tryDecide();

        // slot 1 (authority 1) is certified by all of round 3; slot 2 lacks its decision round
        assertThat(decisions).hasSize(1);
        Decision.Commit commit = (Decision.Commit) decisions.get(0);
        assertThat(commit.slot()).isEqualTo(new LeaderSlot(1, 1));
        assertThat(commit.leader()).isEqualTo(round1.get(1));
        assertThat(commit.type()).isEqualTo(CommitType.DIRECT_COMMIT);
    }

    @Test
    void directlySkipsALeaderThatAQuorumDoesNotReference() {
        List<Block> round1 = new ArrayList<>(dag.fullRound(1, dag.genesis));
        Block leader = round1.remove(1); // authority 1 leads round 1; nobody links to its block
        dag.fullRound(2, round1);

        List<Decision> decisions = dag.committer().tryDecide();

        assertThat(decisions).singleElement().isInstanceOfSatisfying(Decision.Skip.class, skip -> {
            assertThat(skip.slot()).isEqualTo(new LeaderSlot(1, leader.author()));
            assertThat(skip.type()).isEqualTo(CommitType.DIRECT_SKIP);
        });
    }

    @Test
    void decidesNothingWhileTheLeaderLacksBothCertificatesAndBlames() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        wave(round1, true);

        // one certificate, one blame, and no later round to anchor it: slot 1 stays undecided, blocking slot 2
        assertThat(dag.committer().tryDecide()).isEmpty();
    }

    @Test
    void indirectlyCommitsThroughTheNextCommittedLeader() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round3 = wave(round1, true);
        extendToCommitSlot4(round3);

        List<Decision> decisions = dag.committer().tryDecide();

        assertThat(decisions).extracting(d -> d.slot().round()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(decisions.get(0)).isInstanceOfSatisfying(Decision.Commit.class, commit -> {
            assertThat(commit.leader()).isEqualTo(round1.get(1));
            assertThat(commit.type()).isEqualTo(CommitType.INDIRECT_COMMIT);
        });
        assertThat(decisions.subList(1, 4)).allSatisfy(d ->
                assertThat(((Decision.Commit) d).type()).isEqualTo(CommitType.DIRECT_COMMIT));
    }

    @Test
    void indirectlySkipsWhenTheAnchorHistoryHoldsNoCertificate() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round3 = wave(round1, false);
        extendToCommitSlot4(round3);

        List<Decision> decisions = dag.committer().tryDecide();

        assertThat(decisions.get(0)).isInstanceOfSatisfying(Decision.Skip.class, skip -> {
            assertThat(skip.slot()).isEqualTo(new LeaderSlot(1, 1));
            assertThat(skip.type()).isEqualTo(CommitType.INDIRECT_SKIP);
        });
        assertThat(decisions).extracting(d -> d.slot().round()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void commitsTheEquivocatingLeaderBlockThatAQuorumVotesFor() {
        List<Block> round1 = new ArrayList<>(dag.fullRound(1, dag.genesis));
        Block votedFor = round1.get(1);
        Block twin = dag.block(1, 1, dag.genesis.get(1), dag.genesis.get(0), dag.genesis.get(2));
        List<Block> round2 = List.of(
                dag.block(0, 2, round1.get(0), votedFor, round1.get(2)),
                dag.block(1, 2, twin, round1.get(0), round1.get(2), round1.get(3)),
                dag.block(2, 2, round1.get(2), votedFor, round1.get(3)),
                dag.block(3, 2, round1.get(3), votedFor, round1.get(0)));
        dag.fullRound(3, round2);

        assertThat(dag.store.blocksAt(1, 1)).containsExactlyInAnyOrder(votedFor, twin);
        List<Decision> decisions = dag.committer().tryDecide();

        assertThat(decisions).singleElement().isInstanceOfSatisfying(Decision.Commit.class, commit -> {
            assertThat(commit.leader()).isEqualTo(votedFor);
            assertThat(commit.type()).isEqualTo(CommitType.DIRECT_COMMIT);
        });
    }

    @Test
    void neverDecidesASlotTwice() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = dag.fullRound(2, round1);
        List<Block> round3 = dag.fullRound(3, round2);
        Committer committer = dag.committer();
        assertThat(committer.tryDecide()).extracting(d -> d.slot().round()).containsExactly(1L);

        dag.fullRound(4, round3);

        assertThat(committer.tryDecide()).extracting(d -> d.slot().round()).containsExactly(2L);
        assertThat(committer.tryDecide()).isEmpty();
    }

    @Test
    void decidesWhenTheCertificateThatCompletesAQuorumArrivesAfterAnAttempt() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = dag.fullRound(2, round1);
        Committer committer = dag.committer();
        dag.block(0, 3, round2.toArray(Block[]::new));
        dag.block(1, 3, round2.toArray(Block[]::new));
        assertThat(committer.tryDecide()).isEmpty();
        assertThat(committer.tryDecide()).isEmpty();

        dag.block(2, 3, round2.toArray(Block[]::new));

        assertThat(committer.tryDecide()).extracting(d -> d.slot().round()).containsExactly(1L);
    }

    /**
     * Rounds 2 and 3 after a full round 1 in which only one round-3 block (author 0's, when `certified`) certifies
     * leader 1 and only one round-2 block blames it: slot 1 is directly undecided. Round-2 leader (author 2) gets a
     * quorum of votes, so slot 2 commits directly once round 4 references all of round 3.
     */
    private List<Block> wave(List<Block> round1, boolean certified) {
        Block r0 = round1.get(0);
        Block leader = round1.get(1);
        Block r2 = round1.get(2);
        Block r3 = round1.get(3);
        Block a0 = dag.block(0, 2, r0, leader, r2);
        Block a1 = dag.block(1, 2, leader, r0, r2);
        Block a2 = dag.block(2, 2, r2, leader, r3);
        Block a3 = dag.block(3, 2, r3, r0, r2); // the one blame
        Block b0 = certified ? dag.block(0, 3, a0, a1, a2) : dag.block(0, 3, a0, a3, a1);
        Block b1 = dag.block(1, 3, a1, a2, a3);
        Block b2 = dag.block(2, 3, a2, a0, a3);
        Block b3 = dag.block(3, 3, a3, a1, a2);
        return List.of(b0, b1, b2, b3);
    }

    /** Rounds 4 to 6, all full: slots 2, 3 and 4 commit directly, slot 4 is the anchor for slot 1. */
    private void extendToCommitSlot4(List<Block> round3) {
        List<Block> round4 = dag.fullRound(4, round3);
        List<Block> round5 = dag.fullRound(5, round4);
        dag.fullRound(6, round5);
    }
}
