package starfish.node.consensus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;

/**
 * The Mysticeti commit rule over the local DAG. Each leader slot is decided directly (a quorum of certificates in
 * the decision round commits, the {@link SkipRule} skips) or indirectly through the next committed leader (the
 * anchor): committed if the anchor's causal history holds a certificate for it, else skipped. Slots are output in
 * round order up to the first undecided one. Not thread-safe: owned by the core thread.
 *
 * <p>Every fact the rule reads about a block is fixed once the block is in the DAG (its parents and their
 * history), so each undecided leader keeps what was found: which leader block each voting block supports and
 * whether each decision block certifies it, and each slot its skip verdict until its voting round or leader blocks
 * change. A decision attempt after each new block then examines that block only, not the committee's last rounds
 * again: with a hundred validators that is a hundred times less work per attempt.
 */
public final class Committer {

    private final Committee committee;
    private final BlockStore store;
    private final LeaderSchedule schedule;
    private final SkipRule skipRule;
    private long lastDecidedRound;
    /** The store's version at the last decision attempt: an unchanged DAG decides nothing new. */
    private long attemptedVersion = -1;
    private final Map<BlockReference, LeaderTally> tallies = new HashMap<>();
    private final Map<LeaderSlot, SkipVerdict> skipVerdicts = new HashMap<>();

    /** What is known about the votes and certificates of one leader block. */
    private static final class LeaderTally {
        final Map<BlockReference, BlockReference> votes = new HashMap<>();
        final Map<BlockReference, Boolean> certificates = new HashMap<>();
    }

    /** A slot's skip verdict for the blocks it saw (blocks at a round are only ever added: counts name the set). */
    private record SkipVerdict(int votingBlocks, int leaderBlocks, boolean skip) {
    }

    public Committer(Committee committee, BlockStore store, LeaderSchedule schedule, SkipRule skipRule) {
        this.committee = committee;
        this.store = store;
        this.schedule = schedule;
        this.skipRule = skipRule;
    }

    public long lastDecidedRound() {
        return lastDecidedRound;
    }

    /**
     * Gives up on slots up to `round`: a validator that lagged beyond its peers' history cannot decide them
     * safely (the indirect rule needs the anchor's full history), so it resumes deciding above it.
     */
    public void skipTo(long round) {
        lastDecidedRound = Math.max(lastDecidedRound, round);
        attemptedVersion = -1;
        forgetDecided();
    }

    private void forgetDecided() {
        tallies.keySet().removeIf(leader -> leader.round() <= lastDecidedRound);
        skipVerdicts.keySet().removeIf(slot -> slot.round() <= lastDecidedRound);
    }

    /** Decides what the DAG now allows; returns the newly decided slots in round order. */
    public List<Decision> tryDecide() {
        if (store.version() == attemptedVersion) {
            return List.of();
        }
        attemptedVersion = store.version();
        long highestVotableRound = store.highestRound() - 1;
        LinkedList<Decision> decisions = new LinkedList<>();
        for (long round = highestVotableRound; round > lastDecidedRound; round--) {
            if (!schedule.isLeaderRound(round)) {
                continue;
            }
            LeaderSlot slot = schedule.slot(round);
            Decision decision = tryDirectDecide(slot);
            if (decision instanceof Decision.Undecided) {
                decision = tryIndirectDecide(slot, decisions);
            }
            decisions.addFirst(decision);
        }
        List<Decision> sequence = new ArrayList<>();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Undecided) {
                break;
            }
            sequence.add(decision);
            lastDecidedRound = decision.slot().round();
        }
        forgetDecided();
        return sequence;
    }

    private Decision tryDirectDecide(LeaderSlot slot) {
        List<Block> leaders = store.blocksAt(slot.round(), slot.authority());
        if (canSkip(slot, leaders.size())) {
            return new Decision.Skip(slot, true);
        }
        List<Block> decisionBlocks = store.blocksAt(schedule.decisionRound(slot.round()));
        for (Block leader : leaders) {
            StakeAggregator certificates = new StakeAggregator(committee);
            for (Block candidate : decisionBlocks) {
                if (isCertificate(candidate, leader)) {
                    certificates.add(candidate.author());
                }
            }
            if (certificates.reachedQuorum()) {
                return new Decision.Commit(slot, leader, true);
            }
        }
        return new Decision.Undecided(slot);
    }

    private boolean canSkip(LeaderSlot slot, int leaderBlocks) {
        List<Block> votingBlocks = store.blocksAt(schedule.votingRound(slot.round()));
        SkipVerdict known = skipVerdicts.get(slot);
        if (known != null && known.votingBlocks() == votingBlocks.size() && known.leaderBlocks() == leaderBlocks) {
            return known.skip();
        }
        boolean skip = skipRule.canSkip(slot, votingBlocks);
        skipVerdicts.put(slot, new SkipVerdict(votingBlocks.size(), leaderBlocks, skip));
        return skip;
    }

    /** `later` holds the decisions of higher rounds, ascending. */
    private Decision tryIndirectDecide(LeaderSlot slot, List<Decision> later) {
        for (Decision anchor : later) {
            if (anchor.slot().round() < slot.round() + schedule.waveLength()) {
                continue;
            }
            if (anchor instanceof Decision.Commit commit) {
                return decideFromAnchor(slot, commit.leader());
            }
            if (anchor instanceof Decision.Undecided) {
                return new Decision.Undecided(slot);
            }
        }
        return new Decision.Undecided(slot);
    }

    private Decision decideFromAnchor(LeaderSlot slot, Block anchor) {
        List<Block> potentialCertificates = ancestorsAtRound(anchor, schedule.decisionRound(slot.round()));
        for (Block leader : store.blocksAt(slot.round(), slot.authority())) {
            for (Block certificate : potentialCertificates) {
                if (isCertificate(certificate, leader)) {
                    return new Decision.Commit(slot, leader, false);
                }
            }
        }
        return new Decision.Skip(slot, false);
    }

    /** A decision-round block is a certificate when it references a quorum of voting blocks that vote for leader. */
    private boolean isCertificate(Block candidate, Block leader) {
        LeaderTally tally = tallies.computeIfAbsent(leader.reference(), l -> new LeaderTally());
        Boolean known = tally.certificates.get(candidate.reference());
        if (known == null) {
            known = certifies(candidate, leader, tally.votes);
            tally.certificates.put(candidate.reference(), known);
        }
        return known;
    }

    private boolean certifies(Block candidate, Block leader, Map<BlockReference, BlockReference> votes) {
        long votingRound = schedule.votingRound(leader.round());
        StakeAggregator voters = new StakeAggregator(committee);
        for (BlockReference parent : candidate.parents()) {
            if (parent.round() != votingRound) {
                continue;
            }
            BlockReference supported = votes.computeIfAbsent(parent,
                    p -> supportedLeader(store.get(p), leader.round(), leader.author()));
            if (leader.reference().equals(supported)) {
                voters.add(parent.author());
            }
        }
        return voters.reachedQuorum();
    }

    /**
     * The leader-slot block a voting block supports: the first one found walking its parents in order, depth
     * first (a block that links to two equivocating leader blocks votes for the one it links first).
     */
    private BlockReference supportedLeader(Block from, long leaderRound, int leaderAuthority) {
        if (from == null || from.round() <= leaderRound) {
            return null;
        }
        for (BlockReference parent : from.parents()) {
            if (parent.round() == leaderRound && parent.author() == leaderAuthority) {
                return parent;
            }
            if (parent.round() > leaderRound) {
                BlockReference found = supportedLeader(store.get(parent), leaderRound, leaderAuthority);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The blocks of `round` in the causal history of `from`. */
    private List<Block> ancestorsAtRound(Block from, long round) {
        List<Block> found = new ArrayList<>();
        Set<BlockReference> visited = new HashSet<>();
        Deque<Block> frontier = new ArrayDeque<>();
        frontier.add(from);
        while (!frontier.isEmpty()) {
            Block block = frontier.poll();
            for (BlockReference parent : block.parents()) {
                if (parent.round() < round || !visited.add(parent)) {
                    continue;
                }
                Block parentBlock = store.get(parent);
                if (parentBlock == null) {
                    continue;
                }
                if (parent.round() == round) {
                    found.add(parentBlock);
                } else {
                    frontier.add(parentBlock);
                }
            }
        }
        return found;
    }
}
