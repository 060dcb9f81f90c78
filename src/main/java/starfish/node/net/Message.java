package starfish.node.net;

import java.util.List;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;

/** What validators say to each other; each kind has a one-byte tag on the wire. */
public sealed interface Message {

    /**
     * The frames of the link handshake (see LinkHandshake), the only ones a connection accepts before its peer has
     * proved who it is, and never accepted after.
     */
    sealed interface Handshake extends Message {
    }

    /** The dialer names the authority it claims to be and sends its nonce. */
    record Hello(int authority, byte[] nonce) implements Handshake {
    }

    /** The acceptor names itself, sends its nonce and signs the transcript. */
    record Challenge(int authority, byte[] nonce, byte[] signature) implements Handshake {
    }

    /** The dialer signs the transcript. */
    record Proof(byte[] signature) implements Handshake {
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
}
