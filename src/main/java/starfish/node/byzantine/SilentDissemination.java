package starfish.node.byzantine;

import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dissemination.Dissemination;
import starfish.node.net.Message;
import starfish.node.net.MessageCodec;
import starfish.node.net.Transport;

/** What every strategy shares: it forwards nobody's history and answers no request. */
abstract class SilentDissemination implements Dissemination {

    protected final Transport network;
    protected final int self;

    SilentDissemination(Transport network, int self) {
        this.network = network;
        this.self = self;
    }

    @Override
    public final void ownBlockSentAgain(Block block) {
        // a strategy sends what its plan says: its ownBlockProposed may sign more blocks (an equivocator's twins)
    }

    @Override
    public final void blocksRequested(int peer, List<BlockReference> references) {
        // withholding parents and history is part of every attack
    }

    /** Sends the blocks to one peer, after an extra delay (0 for none). */
    protected final void sendTo(int peer, List<Block> blocks, long extraDelayNanos) {
        network.sendFrame(peer, MessageCodec.encode(new Message.Blocks(blocks)), extraDelayNanos);
    }

    protected final int committeeSize() {
        return network.size();
    }
}
