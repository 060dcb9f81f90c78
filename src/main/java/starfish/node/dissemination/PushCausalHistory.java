package starfish.node.dissemination;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.net.Message;

/**
 * Starfish and cordial-miners: each own block goes to every peer together with the part of its causal history the
 * peer is not known to hold, oldest first, so that the peer can accept the block without asking for parents.
 * History older than a window of rounds is left to the synchronizer (a peer that far behind catches up by request).
 */
public final class PushCausalHistory implements Dissemination {

    private final BlockResponder responder;
    private final PeerKnowledge knowledge;
    private final int self;
    private final int committeeSize;
    private final int windowRounds;

    public PushCausalHistory(BlockStore store, BlockResponder responder, int self, int committeeSize,
            int windowRounds) {
        this.responder = responder;
        this.knowledge = new PeerKnowledge(store, committeeSize);
        this.self = self;
        this.committeeSize = committeeSize;
        this.windowRounds = windowRounds;
    }

    @Override
    public void ownBlockProposed(Block block) {
        long[] peers = knowledge.noPeers();
        for (int peer = 0; peer < committeeSize; peer++) {
            if (peer != self) {
                KnownHolders.include(peers, peer);
            }
        }
        List<List<Block>> unknown = knowledge.unknownHistories(List.of(block), block.round() - windowRounds, peers);
        // most peers lack the same ancestors: each one's forwarding form is made once and sent to all of them
        Map<Block, Block> forwardForms = new IdentityHashMap<>();
        for (int peer = 0; peer < committeeSize; peer++) {
            if (peer == self) {
                continue;
            }
            List<Block> blocks = new ArrayList<>();
            for (Block ancestor : unknown.get(peer)) {
                blocks.add(forwardForms.computeIfAbsent(ancestor, responder.forwarding()::forwardForm));
            }
            blocks.add(block);
            knowledge.sent(peer, block.reference());
            responder.send(peer, blocks, Message.Blocks::new);
        }
    }

    @Override
    public void blocksReceived(int peer, List<Block> blocks) {
        knowledge.received(peer, blocks);
    }

    @Override
    public void blocksRequested(int peer, List<BlockReference> references) {
        responder.respond(peer, references);
    }
}
