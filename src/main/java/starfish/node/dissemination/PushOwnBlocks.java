package starfish.node.dissemination;

import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.net.Message;
import starfish.node.net.Transport;

/** Mysticeti: push own blocks to everyone; answer requests with the blocks we hold, in frames under the limit. */
public final class PushOwnBlocks implements Dissemination {

    private final Transport network;
    private final BlockResponder responder;

    public PushOwnBlocks(Transport network, BlockStore store, int maxFrameBytes) {
        this(network, new BlockResponder(network, store, maxFrameBytes, Forwarding.AS_STORED));
    }

    public PushOwnBlocks(Transport network, BlockResponder responder) {
        this.network = network;
        this.responder = responder;
    }

    @Override
    public void ownBlockProposed(Block block) {
        network.broadcast(new Message.Blocks(List.of(block)));
    }

    @Override
    public void blocksRequested(int peer, List<BlockReference> references) {
        responder.respond(peer, references);
    }
}
