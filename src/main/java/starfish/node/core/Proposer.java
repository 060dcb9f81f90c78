package starfish.node.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.availability.DataPath;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.BlockStore;
import starfish.node.dag.Transactions;
import starfish.node.load.TransactionPool;
import starfish.node.metrics.NodeMetrics;
import starfish.node.runtime.Clock;

/**
 * Decides when this validator proposes and builds the block. A block of round r+1 needs a quorum of round r and
 * (the pacemaker) the leader of round r, or the leader timeout since the last proposal. It references the own
 * previous block first, every author's first block of round r, and the DAG tips of older rounds that no accepted
 * block references yet (late blocks, so that their transactions are not starved).
 * <p>
 * A validator that reaches the quorum of round r before it proposed round r would jump to r+1. When it leads round r
 * it proposes round r instead: the whole committee is waiting for that leader, and without it every validator
 * would sit out the leader timeout.
 */
final class Proposer {

    private static final Logger LOG = LoggerFactory.getLogger(Proposer.class);

    private final BlockSigner signer;
    private final BlockStore store;
    private final LeaderSchedule schedule;
    private final TransactionPool pool;
    private final DataPath dataPath;
    private final NodeMetrics metrics;
    private final Clock clock;
    private final long leaderTimeoutNanos;
    private final RoundPacing pacing;
    private final int maxBlockTransactions;
    private final int tipWindowRounds;
    private final Set<BlockReference> tips = new LinkedHashSet<>();
    private Block lastOwnBlock;
    private long lastProposalNanos;
    /** When the own newest block was last sent (proposed or sent again). */
    private long lastSentNanos;

    Proposer(BlockSigner signer, BlockStore store, LeaderSchedule schedule, TransactionPool pool, DataPath dataPath,
            NodeMetrics metrics, Clock clock,
            long leaderTimeoutMs, RoundPacing pacing, int maxBlockTransactions, int tipWindowRounds,
            Block ownGenesis, long nowNanos) {
        this.signer = signer;
        this.store = store;
        this.schedule = schedule;
        this.pool = pool;
        this.dataPath = dataPath;
        this.metrics = metrics;
        this.clock = clock;
        this.leaderTimeoutNanos = leaderTimeoutMs * 1_000_000L;
        this.pacing = pacing;
        this.maxBlockTransactions = maxBlockTransactions;
        this.tipWindowRounds = tipWindowRounds;
        this.lastOwnBlock = ownGenesis;
        this.lastProposalNanos = nowNanos;
        this.lastSentNanos = nowNanos;
    }

    /** Keeps the tip set: the block is a tip until an accepted block references it. */
    void accepted(Block block) {
        block.parents().forEach(tips::remove);
        tips.add(block.reference());
    }

    /**
     * Nanoseconds until a proposal on this quorum round may go out by the passing of time alone: 0 when it may
     * now, the rest of the minimum interval or of the leader timeout, Long.MAX_VALUE when only new blocks can help.
     */
    long nanosUntilDeadline(long quorumRound, long nowNanos) {
        return readiness(quorumRound, nowNanos).nanosUntilDeadline();
    }

    /** A new signed block if the rules allow one now, else null. */
    Block tryPropose(long quorumRound, long nowNanos) {
        Readiness readiness = readiness(quorumRound, nowNanos);
        if (readiness.nanosUntilDeadline() > 0) {
            return null;
        }
        long round = readiness.round();
        if (!readiness.leaderPresent()) {
            metrics.leaderTimeouts.inc();
        }
        LOG.debug("proposing round {} on quorum round {}, {} ms after the last proposal, leader {}", round,
                quorumRound, (nowNanos - lastProposalNanos) / 1_000_000,
                readiness.leaderPresent() ? "present" : "timed out");
        Transactions transactions = pool.take(maxBlockTransactions);
        Block block = signer.sign(round, clock.currentTimeMillis(), parents(round - 1),
                dataPath.acknowledgements(round), transactions, dataPath.commit(transactions));
        lastOwnBlock = block;
        lastProposalNanos = nowNanos;
        lastSentNanos = nowNanos;
        pacing.proposed(transactions.count(), nowNanos);
        return block;
    }

    /**
     * The own newest block, to be sent to the peers again, when nothing was proposed or sent for a leader timeout:
     * a validator that cannot propose waits for blocks of its peers that may have been lost in flight (a crash, a
     * broken connection), while they may wait for its own. A peer that receives it fetches the history it lacks
     * from the sender, which is what lets a committee that crashed together go on. Once per leader timeout.
     */
    Optional<Block> ownBlockToSendAgain(long nowNanos) {
        if (lastOwnBlock.round() == 0 || nowNanos - lastSentNanos < leaderTimeoutNanos) {
            return Optional.empty();
        }
        lastSentNanos = nowNanos;
        return Optional.of(lastOwnBlock);
    }

    /** The round a proposal would take, whether the leader below it is here, and how long time alone must pass. */
    private record Readiness(long round, boolean leaderPresent, long nanosUntilDeadline) {
    }

    private Readiness readiness(long quorumRound, long nowNanos) {
        long round = roundToPropose(quorumRound);
        if (round <= lastOwnBlock.round()) {
            return new Readiness(round, false, Long.MAX_VALUE);
        }
        boolean leaderPresent = leaderPresent(round - 1);
        long sinceLast = nowNanos - lastProposalNanos;
        long interval = pacing.intervalNanos();
        long wait = sinceLast < interval ? interval - sinceLast
                : leaderPresent ? 0 : Math.max(0, leaderTimeoutNanos - sinceLast);
        return new Readiness(round, leaderPresent, wait);
    }

    /** quorumRound + 1, or quorumRound itself when this validator leads it and has not proposed it yet. */
    private long roundToPropose(long quorumRound) {
        boolean ownSlotOpen = lastOwnBlock.round() < quorumRound && schedule.isLeaderRound(quorumRound)
                && schedule.slot(quorumRound).authority() == signer.author();
        return ownSlotOpen ? quorumRound : quorumRound + 1;
    }

    private boolean leaderPresent(long round) {
        return !schedule.isLeaderRound(round) || !store.blocksAt(round, schedule.slot(round).authority()).isEmpty();
    }

    private List<BlockReference> parents(long parentRound) {
        LinkedHashSet<BlockReference> parents = new LinkedHashSet<>();
        parents.add(lastOwnBlock.reference());
        BitSet authors = new BitSet();
        authors.set(lastOwnBlock.author(), lastOwnBlock.round() == parentRound);
        for (Block block : store.blocksAt(parentRound)) {
            if (!authors.get(block.author())) {
                authors.set(block.author());
                parents.add(block.reference());
            }
        }
        long oldest = parentRound - tipWindowRounds;
        for (BlockReference tip : tips) {
            if (tip.round() < parentRound && tip.round() >= oldest && tip.round() > 0) {
                parents.add(tip);
            }
        }
        tips.removeIf(tip -> tip.round() < oldest);
        return new ArrayList<>(parents);
    }
}
