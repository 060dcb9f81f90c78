package starfish.node.dissemination;

import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;

/**
 * What a validator sends besides sync requests: its own new blocks, what it accepted (if the protocol pushes
 * history) and answers to peers' requests. One implementation per dissemination style (README, "Protocols"); Byzantine
 * strategies wrap or replace it. Called on the core thread; implementations must not block.
 */
public interface Dissemination {

    void ownBlockProposed(Block block);

    /**
     * The own newest block again, after a leader timeout in which this validator could not propose (its peers
     * may have lost it in flight): sent as when it was proposed. A Byzantine strategy, whose sending follows its
     * own plan, sends nothing again.
     */
    default void ownBlockSentAgain(Block block) {
        ownBlockProposed(block);
    }

    /** A block entered the local DAG (own or a peer's). Push-history protocols forward from here. */
    default void blockAccepted(Block block) {
    }

    void blocksRequested(int peer, List<BlockReference> references);

    /** A peer sent these blocks (so it holds them and their history). Push-history protocols note what it knows. */
    default void blocksReceived(int peer, List<Block> blocks) {
    }
}
