package starfish.node.net;

import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;

/** What validators say to each other; each kind has a one-byte tag on the wire. */
public sealed interface Message {

    /** First frame on a connection: the dialer names itself. */
    record Hello(int authority) implements Message {
    }

    /** Blocks pushed unasked (the author's new blocks, or history the dissemination strategy pushes). */
    record Blocks(List<Block> blocks) implements Message {
    }

    /** Asks for blocks by reference (missing parents). */
    record BlockRequest(List<BlockReference> references) implements Message {
    }

    /** Asks for the transaction data of blocks (Starfish family); answered with the blocks in full-data form. */
    record DataRequest(List<BlockReference> references) implements Message {
    }

    /** Answers a request with the blocks the peer has. */
    record BlockResponse(List<Block> blocks) implements Message {
    }

    /**
     * A validator behind its peers' history asks where their committed sequences stand: their recent commit
     * checkpoints, and their committed.log lines from `fromIndex` (where its own sequence stands) up to them.
     */
    record CatchUpRequest(long fromIndex) implements Message {
    }

    /** Answers a catch-up request: an encoded offer of checkpoints and lines, decoded (and distrusted) by the core. */
    record CatchUpResponse(byte[] offer) implements Message {
    }
}
