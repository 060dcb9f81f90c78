package starfish.node.consensus;

import java.util.List;
import starfish.node.dag.Block;

/**
 * When a leader slot can be skipped directly from the voting round. Mysticeti: a quorum of voting-round blocks
 * that do not reference the leader. The Starfish family plugs its stake-based, equivocation-aware variant in here.
 */
@FunctionalInterface
public interface SkipRule {

    boolean canSkip(LeaderSlot slot, List<Block> votingRoundBlocks);
}
