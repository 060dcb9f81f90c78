package starfish.node.dag;

import java.nio.ByteBuffer;
import starfish.node.crypto.Digest;
import starfish.node.crypto.Hasher;

/**
 * A block's full transaction data, kept as one buffer of length-prefixed transactions ([int length][bytes]...)
 * so that blocks are built and decoded without an object per transaction.
 */
public record Transactions(ByteBuffer data, int count) implements BlockPayload {

    public static final byte KIND = 0;
    public static final Transactions EMPTY = new Transactions(ByteBuffer.allocate(0), 0);

    public Transactions {
        data = data.asReadOnlyBuffer();
    }

    @Override
    public byte kind() {
        return KIND;
    }

    @Override
    public ByteBuffer bytes() {
        return data.duplicate();
    }

    public int sizeBytes() {
        return data.remaining();
    }

    @Override
    public int byteLength() {
        return sizeBytes();
    }

    public Digest commitment() {
        return Hasher.sha256(data);
    }

    /** Receives the first 8 bytes (the creation timestamp in ms) of each transaction. */
    @FunctionalInterface
    public interface TimestampConsumer {
        void accept(long timestampMs);
    }

    /** Visits each transaction's embedded timestamp; transactions shorter than 8 bytes have none and are skipped. */
    public void forEachTimestamp(TimestampConsumer consumer) {
        ByteBuffer b = data.duplicate();
        while (b.remaining() >= 4) {
            int length = b.getInt();
            if (length >= 8) {
                consumer.accept(b.getLong(b.position()));
            }
            b.position(b.position() + length);
        }
    }

    /** Checks the framing: exactly `count` transactions that fill the buffer. */
    public boolean isWellFormed() {
        ByteBuffer b = data.duplicate();
        int seen = 0;
        while (b.remaining() >= 4) {
            int length = b.getInt();
            if (length < 0 || length > b.remaining()) {
                return false;
            }
            b.position(b.position() + length);
            seen++;
        }
        return !b.hasRemaining() && seen == count;
    }
}
