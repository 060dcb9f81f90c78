package starfish.node.dissemination;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;

/**
 * Which blocks each peer is known to hold: blocks it sent us, the parents they name, and blocks we sent it. Used to
 * send a peer exactly the causal history it lacks.
 */
final class PeerKnowledge {

    private final BlockStore store;
    private final KnownHolders known;

    PeerKnowledge(BlockStore store, int committeeSize) {
        this.store = store;
        this.known = new KnownHolders(committeeSize);
    }

    void received(int peer, List<Block> blocks) {
        for (Block block : blocks) {
            known.add(peer, block.reference());
            for (BlockReference parent : block.parents()) {
                known.add(peer, parent);
            }
        }
    }

    void sent(int peer, BlockReference reference) {
        known.add(peer, reference);
    }

    /**
     * The ancestors of `roots` the peer does not hold, at or above `floor` (genesis excluded), in causal order;
     * they count as sent from now on. Knowledge below the floor (or a higher one given before) is forgotten, for
     * every peer.
     */
    List<Block> unknownHistory(int peer, Collection<Block> roots, long floor) {
        known.forgetBelow(floor);
        List<Block> unknown = new ArrayList<>();
        Deque<Block> frontier = new ArrayDeque<>(roots);
        while (!frontier.isEmpty()) {
            for (BlockReference parent : frontier.poll().parents()) {
                if (parent.round() < Math.max(1, floor) || !known.add(peer, parent)) {
                    continue;
                }
                Block parentBlock = store.get(parent);
                if (parentBlock != null) {
                    unknown.add(parentBlock);
                    frontier.add(parentBlock);
                }
            }
        }
        unknown.sort((a, b) -> a.reference().compareTo(b.reference()));
        return unknown;
    }
}
