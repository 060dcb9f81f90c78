package starfish.node.consensus;

import java.util.List;
import starfish.node.dag.Block;

/**
 * A committed leader and the part of its causal history output with it, in linearized order (leader last), plus the
 * blocks whose transactions are sequenced with it, each carrying its full transactions. Full-data protocols sequence
 * exactly the linearized blocks; the Starfish family sequences a block once a quorum acknowledged its data and the
 * data is decoded, which may be with a later leader.
 */
public record CommittedSubDag(Block leader, List<Block> blocks, List<Block> sequenced) {

    public CommittedSubDag {
        blocks = List.copyOf(blocks);
        sequenced = List.copyOf(sequenced);
    }

    /** Full data: the linearized blocks are the sequenced ones. */
    public CommittedSubDag(Block leader, List<Block> blocks) {
        this(leader, blocks, blocks);
    }
}
