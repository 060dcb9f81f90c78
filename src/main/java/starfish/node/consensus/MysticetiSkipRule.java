package starfish.node.consensus;

import java.util.List;
import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;

/** Direct skip with a quorum of blames: voting-round blocks that reference no block of the leader slot. */
public final class MysticetiSkipRule implements SkipRule {

    private final Committee committee;

    public MysticetiSkipRule(Committee committee) {
        this.committee = committee;
    }

    @Override
    public boolean canSkip(LeaderSlot slot, List<Block> votingRoundBlocks) {
        StakeAggregator blames = new StakeAggregator(committee);
        for (Block voter : votingRoundBlocks) {
            if (!referencesSlot(voter, slot)) {
                blames.add(voter.author());
            }
        }
        return blames.reachedQuorum();
    }

    private static boolean referencesSlot(Block block, LeaderSlot slot) {
        for (BlockReference parent : block.parents()) {
            if (parent.author() == slot.authority() && parent.round() == slot.round()) {
                return true;
            }
        }
        return false;
    }
}
