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
    private final List<KnownReferences> known = new ArrayList<>();

    PeerKnowledge(BlockStore store, int committeeSize) {
        this.store = store;
        for (int peer = 0; peer < committeeSize; peer++) {
            known.add(new KnownReferences(committeeSize));
        }
    }

    void received(int peer, List<Block> blocks) {
        KnownReferences peerKnows = known.get(peer);
        for (Block block : blocks) {
            peerKnows.add(block.reference());
            block.parents().forEach(peerKnows::add);
        }
    }

    void sent(int peer, BlockReference reference) {
        known.get(peer).add(reference);
    }

    /**
     * The ancestors of `roots` the peer does not hold, at or above `floor` (genesis excluded), in causal order;
     * they count as sent from now on. Knowledge below the floor is forgotten.
     */
    List<Block> unknownHistory(int peer, Collection<Block> roots, long floor) {
        KnownReferences peerKnows = known.get(peer);
        peerKnows.forgetBelow(floor);
        List<Block> unknown = new ArrayList<>();
        Deque<Block> frontier = new ArrayDeque<>(roots);
        while (!frontier.isEmpty()) {
            for (BlockReference parent : frontier.poll().parents()) {
                if (parent.round() < Math.max(1, floor) || !peerKnows.add(parent)) {
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
