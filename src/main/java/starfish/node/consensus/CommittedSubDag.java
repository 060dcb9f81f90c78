package starfish.node.consensus;

import java.util.List;
import starfish.node.dag.Block;

/** A committed leader and the part of its causal history output with it, in linearized order (leader last). */
public record CommittedSubDag(Block leader, List<Block> blocks) {

    public CommittedSubDag {
        blocks = List.copyOf(blocks);
    }
}
