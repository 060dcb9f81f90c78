package starfish.node.dissemination;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.net.Message;

/**
 * Starfish and cordial-miners: each own block goes to every peer together with the part of its causal history the
 * peer is not known to hold (blocks it sent us, blocks their parents name, blocks we already sent it), oldest
 * first, so that the peer can accept the block without asking for parents. History older than a window of rounds
 * is left to the synchronizer (a peer that far behind catches up by request).
 */
public final class PushCausalHistory implements Dissemination {

    private final BlockStore store;
    private final BlockResponder responder;
    private final int self;
    private final int windowRounds;
    private final List<Set<BlockReference>> known = new ArrayList<>();

    public PushCausalHistory(BlockStore store, BlockResponder responder, int self, int committeeSize,
            int windowRounds) {
        this.store = store;
        this.responder = responder;
        this.self = self;
        this.windowRounds = windowRounds;
        for (int peer = 0; peer < committeeSize; peer++) {
            known.add(new HashSet<>());
        }
    }

    @Override
    public void ownBlockProposed(Block block) {
        long floor = Math.max(1, block.round() - windowRounds);
        for (int peer = 0; peer < known.size(); peer++) {
            if (peer == self) {
                continue;
            }
            Set<BlockReference> peerKnows = known.get(peer);
            peerKnows.removeIf(reference -> reference.round() < floor);
            List<Block> blocks = new ArrayList<>();
            for (Block ancestor : unknownHistory(block, peerKnows, floor)) {
                blocks.add(responder.forwarding().forwardForm(ancestor));
            }
            blocks.add(block);
            peerKnows.add(block.reference());
            responder.send(peer, blocks, Message.Blocks::new);
        }
    }

    /** The ancestors of `block` the peer does not hold, at or above `floor`, in causal order; marks them known. */
    private List<Block> unknownHistory(Block block, Set<BlockReference> peerKnows, long floor) {
        List<Block> unknown = new ArrayList<>();
        Deque<Block> frontier = new ArrayDeque<>();
        frontier.add(block);
        while (!frontier.isEmpty()) {
            for (BlockReference parent : frontier.poll().parents()) {
                if (parent.round() < floor || !peerKnows.add(parent)) {
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

    @Override
    public void blocksReceived(int peer, List<Block> blocks) {
        Set<BlockReference> peerKnows = known.get(peer);
        for (Block block : blocks) {
            peerKnows.add(block.reference());
            peerKnows.addAll(block.parents());
        }
    }

    @Override
    public void blocksRequested(int peer, List<BlockReference> references) {
        responder.respond(peer, references);
    }
}
