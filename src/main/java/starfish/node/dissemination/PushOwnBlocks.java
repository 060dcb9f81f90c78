package starfish.node.dissemination;

import java.util.ArrayList;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCodec;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.net.Message;
import starfish.node.net.Network;

/** Mysticeti: push own blocks to everyone; answer requests with the blocks we hold, in frames under the limit. */
public final class PushOwnBlocks implements Dissemination {

    private final Network network;
    private final BlockStore store;
    private final int maxResponseBytes;

    public PushOwnBlocks(Network network, BlockStore store, int maxFrameBytes) {
        this.network = network;
        this.store = store;
        this.maxResponseBytes = maxFrameBytes / 2;
    }

    @Override
    public void ownBlockProposed(Block block) {
        network.broadcast(new Message.Blocks(List.of(block)));
    }

    @Override
    public void blocksRequested(int peer, List<BlockReference> references) {
        List<Block> batch = new ArrayList<>();
        int bytes = 0;
        for (BlockReference reference : references) {
            Block block = store.get(reference);
            if (block == null || block.round() == 0) {
                continue;
            }
            int size = BlockCodec.encodedLength(block);
            if (!batch.isEmpty() && bytes + size > maxResponseBytes) {
                network.send(peer, new Message.BlockResponse(batch));
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(block);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            network.send(peer, new Message.BlockResponse(batch));
        }
    }
}
