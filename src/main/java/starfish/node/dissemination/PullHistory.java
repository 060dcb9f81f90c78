package starfish.node.dissemination;

import java.util.ArrayList;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.net.Message;

/**
 * starfish-pull: own blocks go out alone; a validator that receives a block it cannot accept asks the sender for
 * the missing parents (the synchronizer), and the sender streams back those blocks together with all of their
 * causal history the requester is not known to hold, oldest first, so that one round trip fills the gap.
 */
public final class PullHistory implements Dissemination {

    private final Dissemination pushOwn;
    private final BlockStore store;
    private final BlockResponder responder;
    private final PeerKnowledge knowledge;
    private final int windowRounds;

    public PullHistory(Dissemination pushOwn, BlockStore store, BlockResponder responder, int committeeSize,
            int windowRounds) {
        this.pushOwn = pushOwn;
        this.store = store;
        this.responder = responder;
        this.knowledge = new PeerKnowledge(store, committeeSize);
        this.windowRounds = windowRounds;
    }

    @Override
    public void ownBlockProposed(Block block) {
        pushOwn.ownBlockProposed(block);
    }

    @Override
    public void blocksReceived(int peer, List<Block> blocks) {
        knowledge.received(peer, blocks);
    }

    @Override
    public void blocksRequested(int peer, List<BlockReference> references) {
        List<Block> requested = new ArrayList<>();
        long highest = 0;
        for (BlockReference reference : references) {
            Block block = store.get(reference);
            if (block != null && block.round() > 0) {
                requested.add(block);
                knowledge.sent(peer, reference);
                highest = Math.max(highest, block.round());
            }
        }
        List<Block> stream = new ArrayList<>(knowledge.unknownHistory(peer, requested, highest - windowRounds));
        stream.addAll(requested);
        stream.sort((a, b) -> a.reference().compareTo(b.reference()));
        List<Block> forwarded = new ArrayList<>();
        for (Block block : stream) {
            forwarded.add(responder.forwarding().forwardForm(block));
        }
        responder.send(peer, forwarded, Message.BlockResponse::new);
    }
}
