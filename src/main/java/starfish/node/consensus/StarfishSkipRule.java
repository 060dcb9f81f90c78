package starfish.node.consensus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;

/**
 * The Starfish direct skip: stake-based and aware of equivocation. An author blames a leader block only if none of
 * its voting-round blocks votes for it (an equivocating author that votes in one block and blames in another does
 * not count as a blamer), and each author's stake counts once however many blocks it made. The slot is skipped when
 * every leader block of the slot known locally is blamed by a quorum of stake, or, with none known, a quorum of
 * stake references no block of the slot. Safe: a commit needs a quorum voting for the leader block, and two quorums
 * share an honest author, who never both votes and blames.
 */
public final class StarfishSkipRule implements SkipRule {

    private final Committee committee;
    private final BlockStore store;

    public StarfishSkipRule(Committee committee, BlockStore store) {
        this.committee = committee;
        this.store = store;
    }

    @Override
    public boolean canSkip(LeaderSlot slot, List<Block> votingRoundBlocks) {
        Map<Integer, List<Block>> byAuthor = new HashMap<>();
        for (Block voter : votingRoundBlocks) {
            byAuthor.computeIfAbsent(voter.author(), a -> new ArrayList<>()).add(voter);
        }
        List<Block> leaders = store.blocksAt(slot.round(), slot.authority());
        if (leaders.isEmpty()) {
            return blamedByQuorum(byAuthor, slot, null);
        }
        for (Block leader : leaders) {
            if (!blamedByQuorum(byAuthor, slot, leader.reference())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a quorum of authors has no voting block supporting `leader` (null: any block of the slot). */
    private boolean blamedByQuorum(Map<Integer, List<Block>> byAuthor, LeaderSlot slot, BlockReference leader) {
        StakeAggregator blames = new StakeAggregator(committee);
        byAuthor.forEach((author, blocks) -> {
            if (blocks.stream().noneMatch(block -> supports(block, slot, leader))) {
                blames.add(author);
            }
        });
        return blames.reachedQuorum();
    }

    /** A voting block supports the slot's block it links to first (or, with `leader` null, any of them). */
    private static boolean supports(Block voter, LeaderSlot slot, BlockReference leader) {
        for (BlockReference parent : voter.parents()) {
            if (parent.author() == slot.authority() && parent.round() == slot.round()) {
                return leader == null || parent.equals(leader);
            }
        }
        return false;
    }
}
