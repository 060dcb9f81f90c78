package starfish.node.data;

import java.nio.ByteBuffer;

/** Bytes received for a shard or a Merkle proof are not a well-formed encoding (network input: drop and count). */
public final class MalformedDataException extends IllegalArgumentException {

    public MalformedDataException(String message) {
        super(message);
    }

    /** A standalone encoding must be consumed exactly: trailing bytes mean the sender and receiver disagree. */
    static void requireFullyConsumed(ByteBuffer buffer, String what) {
        if (buffer.hasRemaining()) {
            throw new MalformedDataException(buffer.remaining() + " trailing bytes after " + what);
        }
    }
}
