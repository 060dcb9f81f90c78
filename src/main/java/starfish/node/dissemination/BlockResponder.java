package starfish.node.dissemination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCodec;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.net.Message;
import starfish.node.net.Transport;

/** Sends lists of blocks in frames under the size limit, and answers peers' block requests from the store. */
public final class BlockResponder {

    private final Transport network;
    private final BlockStore store;
    private final int maxBatchBytes;
    private final Forwarding forwarding;

    public BlockResponder(Transport network, BlockStore store, int maxFrameBytes, Forwarding forwarding) {
        this.network = network;
        this.store = store;
        this.maxBatchBytes = maxFrameBytes / 2;
        this.forwarding = forwarding;
    }

    public Forwarding forwarding() {
        return forwarding;
    }

    /** Answers with the requested blocks this validator holds (genesis is never sent), in forwarding form. */
    public void respond(int peer, List<BlockReference> references) {
        List<Block> blocks = new ArrayList<>();
        for (BlockReference reference : references) {
            Block block = store.get(reference);
            if (block != null && block.round() > 0) {
                blocks.add(forwarding.forwardForm(block));
            }
        }
        send(peer, blocks, Message.BlockResponse::new);
    }

    /** Sends the blocks in order, as few frames as the size limit allows. */
    public void send(int peer, List<Block> blocks, Function<List<Block>, Message> kind) {
        List<Block> batch = new ArrayList<>();
        int bytes = 0;
        for (Block block : blocks) {
            int size = BlockCodec.encodedLength(block);
            if (!batch.isEmpty() && bytes + size > maxBatchBytes) {
                network.send(peer, kind.apply(batch));
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(block);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            network.send(peer, kind.apply(batch));
        }
    }
}
