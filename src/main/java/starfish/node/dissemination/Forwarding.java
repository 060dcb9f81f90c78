package starfish.node.dissemination;

import starfish.node.dag.Block;

/**
 * The form in which a validator sends a block it did not author. Full-data protocols send it as stored; the
 * Starfish family replaces the transactions with the forwarder's own shard and its Merkle proof.
 */
@FunctionalInterface
public interface Forwarding {

    Forwarding AS_STORED = block -> block;

    Block forwardForm(Block block);
}
