package starfish.node.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.dag.Block;
import starfish.protocol.Consensus;

/** The Starfish direct skip on hand-built DAGs of four validators (quorum 3); authority 1 leads round 1. */
class StarfishSkipRuleTest {

    private final TestDag dag = new TestDag(4);
    private final List<Block> round1 = dag.fullRound(1, dag.genesis);
    private final Block leader = round1.get(1);
    private final Block own0 = round1.get(0);
    private final Block own2 = round1.get(2);
    private final Block own3 = round1.get(3);
    private final LeaderSlot slot = new LeaderSlot(1, 1);
    private final StarfishSkipRule starfish = new StarfishSkipRule(dag.committee, dag.store);
    private final MysticetiSkipRule mysticeti = new MysticetiSkipRule(dag.committee);

    @Test
    void skipsWhenAQuorumOfStakeDoesNotVoteForTheLeader() {
        List<Block> voters = List.of(dag.block(0, 2, own0, own2, own3), dag.block(2, 2, own2, own0, own3),
                dag.block(3, 2, own3, own0, own2), dag.block(1, 2, leader, own0, own2));

        assertThat(starfish.canSkip(slot, voters)).isTrue();
        assertThat(dag.committer(LeaderSchedule.of(Consensus.STARFISH, 4), starfish).tryDecide())
                .singleElement().isInstanceOf(Decision.Skip.class);
    }

    @Test
    void anEquivocatingAuthorThatAlsoVotesForTheLeaderIsNoBlamer() {
        Block votes = dag.block(0, 2, own0, leader, own2);
        Block blames = dag.block(0, 2, own0, own2, own3); // the same author and round: an equivocation
        List<Block> voters = List.of(votes, blames, dag.block(2, 2, own2, own0, own3),
                dag.block(3, 2, own3, own0, own2));

        // by blocks there are three blames (a quorum), by honest stake only two
        assertThat(mysticeti.canSkip(slot, voters)).isTrue();
        assertThat(starfish.canSkip(slot, voters)).isFalse();
    }

    @Test
    void anEquivocatingLeaderIsSkippedOnlyWhenEachOfItsBlocksIsBlamedByAQuorum() {
        Block twin = dag.block(1, 1, dag.genesis.get(1), dag.genesis.get(0), dag.genesis.get(2));
        List<Block> split = List.of(dag.block(0, 2, own0, leader, own2), dag.block(2, 2, own2, twin, own3),
                dag.block(3, 2, own3, twin, own0));
        // the first leader block is blamed by 2 and 3, the twin by 0: neither by a quorum
        assertThat(starfish.canSkip(slot, split)).isFalse();

        List<Block> noneForTwin = List.of(dag.block(0, 2, own0, leader, own2), dag.block(2, 2, own2, own0, own3),
                dag.block(3, 2, own3, own0, own2), dag.block(1, 2, leader, own0, own2));
        // the twin is blamed by everyone, the first block by 2 and 3 only: no skip while it may still commit
        assertThat(starfish.canSkip(slot, noneForTwin)).isFalse();
    }

    @Test
    void aSlotWithNoKnownLeaderBlockIsSkippedOnAQuorumOfStakeThatReferencesNone() {
        List<Block> voters = List.of(dag.block(0, 2, own0, leader, own3), dag.block(1, 2, leader, own0, own3),
                dag.block(3, 2, own3, own0, leader));
        LeaderSlot unknown = new LeaderSlot(3, 0); // no block of round 3 exists here

        assertThat(starfish.canSkip(unknown, voters)).isTrue();
        assertThat(starfish.canSkip(unknown, voters.subList(0, 2))).as("two of four are no quorum").isFalse();
    }
}
