package starfish.node.core;

import java.util.ArrayList;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.ResourceBound;

/**
 * Drops blocks more than `rounds` rounds above the highest round the committee demonstrably reached (this
 * validator's quorum round, or the round that validators with more than a third of the stake signed blocks for,
 * when this validator lags). An honest block is never that far ahead; a Byzantine author's far-future blocks would
 * otherwise wait forever, since garbage collection never reaches them.
 */
final class RoundWindow {

    private final long rounds;
    private final NodeMetrics metrics;

    RoundWindow(long rounds, NodeMetrics metrics) {
        this.rounds = rounds;
        this.metrics = metrics;
    }

    List<Block> within(List<Block> blocks, long reachedRound) {
        long highest = reachedRound + rounds;
        if (blocks.stream().allMatch(block -> block.round() <= highest)) {
            return blocks;
        }
        List<Block> kept = new ArrayList<>(blocks.size());
        for (Block block : blocks) {
            if (block.round() <= highest) {
                kept.add(block);
            } else {
                metrics.boundHit(ResourceBound.ROUND_WINDOW);
            }
        }
        return kept;
    }
}
