package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.availability.DataPath;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.consensus.TestDag;
import starfish.node.dag.Block;
import starfish.node.load.TransactionPool;
import starfish.node.metrics.NodeMetrics;
import starfish.node.runtime.Clock;

/** Pipelined schedule with four authorities: authority r mod 4 leads round r. Time is passed in, in nanoseconds. */
class ProposerTest {

    private static final long MS = 1_000_000L;

    private final TestDag dag = new TestDag(4);
    private final NodeMetrics metrics = new NodeMetrics(new PrometheusRegistry(), dag.committee.size());

    @Test
    void proposesAsSoonAsTheMinimumIntervalEndsWhenTheLeaderIsThere() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        Proposer proposer = proposer(0, round1.get(0));

        assertThat(proposer.nanosUntilDeadline(1, 5 * MS)).isEqualTo(15 * MS);
        assertThat(proposer.tryPropose(1, 5 * MS)).isNull();
        // once the interval is over the core must step at once, not wait for the next message
        assertThat(proposer.nanosUntilDeadline(1, 21 * MS)).isZero();
        Block block = proposer.tryPropose(1, 21 * MS);

        assertThat(block.round()).isEqualTo(2);
        assertThat(block.parents()).startsWith(round1.get(0).reference()).hasSize(4);
        assertThat(metrics.leaderTimeouts.get()).isZero();
    }

    @Test
    void waitsForTheLeaderOfTheQuorumRoundUntilTheLeaderTimeout() {
        List<Block> round1 = roundWithout(1, 1); // authority 1 leads round 1
        Proposer proposer = proposer(0, round1.get(0));

        assertThat(proposer.nanosUntilDeadline(1, 100 * MS)).isEqualTo(500 * MS);
        assertThat(proposer.tryPropose(1, 100 * MS)).isNull();
        Block block = proposer.tryPropose(1, 600 * MS);

        assertThat(block.round()).isEqualTo(2);
        assertThat(block.parents()).hasSize(3);
        assertThat(metrics.leaderTimeouts.get()).isEqualTo(1);
    }

    @Test
    void proposesItsOwnLeaderRoundWhenTheQuorumMovedPastIt() {
        List<Block> round1 = dag.fullRound(1, dag.genesis);
        List<Block> round2 = new ArrayList<>();
        for (int author : new int[] {0, 1, 3}) { // authority 2 leads round 2 and has not proposed it yet
            round2.add(dag.block(author, 2, TestDag.ownFirst(author, round1)));
        }
        Proposer proposer = proposer(2, round1.get(2));

        Block leader = proposer.tryPropose(2, 30 * MS);

        assertThat(leader.round()).isEqualTo(2);
        assertThat(leader.parents()).startsWith(round1.get(2).reference()).hasSize(4);
        dag.store.add(leader);
        assertThat(proposer.tryPropose(2, 40 * MS)).isNull();
        Block next = proposer.tryPropose(2, 50 * MS);
        assertThat(next.round()).isEqualTo(3);
        assertThat(next.parents()).contains(leader.reference()).containsAll(round2.stream().map(Block::reference).toList());
        assertThat(metrics.leaderTimeouts.get()).isZero();
    }

    @Test
    void sendsItsNewestBlockAgainOncePerLeaderTimeoutWhileItCannotPropose() {
        List<Block> round1 = roundWithout(1, 1);
        Proposer proposer = proposer(0, round1.get(0)); // own round 1 logged, the quorum of round 1 missing

        assertThat(proposer.tryPropose(0, 700 * MS)).isNull();
        assertThat(proposer.ownBlockToSendAgain(599 * MS)).isEmpty();
        assertThat(proposer.ownBlockToSendAgain(600 * MS)).contains(round1.get(0));
        assertThat(proposer.ownBlockToSendAgain(1_000 * MS)).isEmpty();
        assertThat(proposer.ownBlockToSendAgain(1_200 * MS)).contains(round1.get(0));
    }

    @Test
    void aProposalPutsOffSendingAgain() {
        Proposer proposer = proposer(0, dag.fullRound(1, dag.genesis).get(0));

        assertThat(proposer.tryPropose(1, 500 * MS)).isNotNull();
        assertThat(proposer.ownBlockToSendAgain(1_000 * MS)).isEmpty();
        assertThat(proposer.ownBlockToSendAgain(1_100 * MS)).isPresent();
    }

    @Test
    void neverSendsGenesisAgain() {
        assertThat(proposer(0, dag.genesis.get(0)).ownBlockToSendAgain(10_000 * MS)).isEmpty();
    }

    private List<Block> roundWithout(long round, int absent) {
        List<Block> blocks = new ArrayList<>();
        for (int author = 0; author < 4; author++) {
            if (author != absent) {
                blocks.add(dag.block(author, round, TestDag.ownFirst(author, dag.genesis)));
            }
        }
        return blocks;
    }

    private Proposer proposer(int self, Block lastOwn) {
        return new Proposer(dag.signer(self), dag.store, LeaderSchedule.pipelined(4), new TransactionPool(1_000),
                DataPath.FULL_DATA, metrics, Clock.SYSTEM, 600, new RoundPacing(20, -1, 0), 100, 50, lastOwn, 0);
    }
}
