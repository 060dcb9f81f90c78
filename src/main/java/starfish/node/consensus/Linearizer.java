package starfish.node.consensus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.dag.RoundSet;

/**
 * Turns committed leaders into a sequence of blocks: each leader's causal history not output before, sorted by
 * (round, author, digest), which is causal (parents have lower rounds) and the same on every validator. History
 * deeper than gcDepth rounds below the leader is left out, a rule that only depends on the DAG.
 */
public final class Linearizer {

    private final BlockStore store;
    private final int gcDepth;
    private final RoundSet output = new RoundSet();

    public Linearizer(BlockStore store, int gcDepth) {
        this.store = store;
        this.gcDepth = gcDepth;
    }

    /** The blocks output so far that later leaders may still reach (within gcDepth rounds of the last leader). */
    public List<BlockReference> output() {
        return output.asSet().stream().sorted().toList();
    }

    /** Resumes after a checkpoint, with the blocks it says were output. */
    public void restore(List<BlockReference> alreadyOutput) {
        output.clear();
        alreadyOutput.forEach(output::add);
    }

    public CommittedSubDag linearize(Block leader) {
        long floor = leader.round() - gcDepth;
        List<Block> blocks = new ArrayList<>();
        Deque<Block> frontier = new ArrayDeque<>();
        if (output.add(leader.reference())) {
            blocks.add(leader);
            frontier.add(leader);
        }
        while (!frontier.isEmpty()) {
            Block block = frontier.poll();
            for (BlockReference parent : block.parents()) {
                if (parent.round() < floor || parent.round() == 0 || output.contains(parent)) {
                    continue;
                }
                Block parentBlock = store.get(parent);
                if (parentBlock != null) {
                    output.add(parent);
                    blocks.add(parentBlock);
                    frontier.add(parentBlock);
                }
            }
        }
        blocks.sort((a, b) -> a.reference().compareTo(b.reference()));
        output.removeBelow(floor);
        return new CommittedSubDag(leader, blocks);
    }
}
