package starfish.node.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import starfish.node.availability.DataPath;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.BlockStore;
import starfish.node.dag.Transactions;
import starfish.node.load.TransactionPool;
import starfish.node.metrics.NodeMetrics;

/**
 * Decides when this validator proposes and builds the block. A block of round r+1 needs a quorum of round r and
 * (the pacemaker) the leader of round r, or the leader timeout since the last proposal. It references the own
 * previous block first, every author's first block of round r, and the DAG tips of older rounds that no accepted
 * block references yet (late blocks, so that their transactions are not starved).
 */
final class Proposer {

    private final BlockSigner signer;
    private final BlockStore store;
    private final LeaderSchedule schedule;
    private final TransactionPool pool;
    private final DataPath dataPath;
    private final NodeMetrics metrics;
    private final long leaderTimeoutNanos;
    private final long minIntervalNanos;
    private final int maxBlockTransactions;
    private final int tipWindowRounds;
    private final Set<BlockReference> tips = new LinkedHashSet<>();
    private Block lastOwnBlock;
    private long lastProposalNanos;

    Proposer(BlockSigner signer, BlockStore store, LeaderSchedule schedule, TransactionPool pool, DataPath dataPath,
            NodeMetrics metrics,
            long leaderTimeoutMs, long minIntervalMs, int maxBlockTransactions, int tipWindowRounds,
            Block ownGenesis, long nowNanos) {
        this.signer = signer;
        this.store = store;
        this.schedule = schedule;
        this.pool = pool;
        this.dataPath = dataPath;
        this.metrics = metrics;
        this.leaderTimeoutNanos = leaderTimeoutMs * 1_000_000L;
        this.minIntervalNanos = minIntervalMs * 1_000_000L;
        this.maxBlockTransactions = maxBlockTransactions;
        this.tipWindowRounds = tipWindowRounds;
        this.lastOwnBlock = ownGenesis;
        this.lastProposalNanos = nowNanos;
    }

    /** Keeps the tip set: the block is a tip until an accepted block references it. */
    void accepted(Block block) {
        block.parents().forEach(tips::remove);
        tips.add(block.reference());
    }

    /**
     * Nanoseconds until the passing of time alone (the minimum interval, then the leader timeout) could let a
     * proposal through; Long.MAX_VALUE when only new blocks can.
     */
    long nanosUntilDeadline(long nowNanos) {
        long sinceLast = nowNanos - lastProposalNanos;
        if (sinceLast < minIntervalNanos) {
            return minIntervalNanos - sinceLast;
        }
        return sinceLast < leaderTimeoutNanos ? leaderTimeoutNanos - sinceLast : Long.MAX_VALUE;
    }

    /** A new signed block if the rules allow one now, else null. */
    Block tryPropose(long quorumRound, long nowNanos) {
        if (quorumRound < lastOwnBlock.round() || nowNanos - lastProposalNanos < minIntervalNanos) {
            return null;
        }
        boolean leaderPresent = !schedule.isLeaderRound(quorumRound)
                || !store.blocksAt(quorumRound, schedule.slot(quorumRound).authority()).isEmpty();
        boolean timedOut = nowNanos - lastProposalNanos >= leaderTimeoutNanos;
        if (!leaderPresent && !timedOut) {
            return null;
        }
        if (!leaderPresent) {
            metrics.leaderTimeouts.inc();
        }
        Transactions transactions = pool.take(maxBlockTransactions);
        long round = quorumRound + 1;
        Block block = signer.sign(round, System.currentTimeMillis(), parents(quorumRound),
                dataPath.acknowledgements(round), transactions, dataPath.commit(transactions));
        lastOwnBlock = block;
        lastProposalNanos = nowNanos;
        return block;
    }

    private List<BlockReference> parents(long quorumRound) {
        LinkedHashSet<BlockReference> parents = new LinkedHashSet<>();
        parents.add(lastOwnBlock.reference());
        BitSet authors = new BitSet();
        authors.set(lastOwnBlock.author(), lastOwnBlock.round() == quorumRound);
        for (Block block : store.blocksAt(quorumRound)) {
            if (!authors.get(block.author())) {
                authors.set(block.author());
                parents.add(block.reference());
            }
        }
        long oldest = quorumRound - tipWindowRounds;
        for (BlockReference tip : tips) {
            if (tip.round() < quorumRound && tip.round() >= oldest && tip.round() > 0) {
                parents.add(tip);
            }
        }
        tips.removeIf(tip -> tip.round() < oldest);
        return new ArrayList<>(parents);
    }
}
