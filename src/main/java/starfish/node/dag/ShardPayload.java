package starfish.node.dag;

import java.nio.ByteBuffer;
import starfish.node.data.MalformedDataException;
import starfish.node.data.ProvenShard;

/**
 * The payload of a Starfish-family block sent by a validator other than its author: the sender's own shard of the
 * author's erasure-coded transactions with its Merkle proof, or nothing when the sender holds no shard (count 0).
 * The header's payload commitment is the Merkle root the shard is checked against.
 */
public record ShardPayload(ProvenShard shard) implements BlockPayload {

    public static final byte KIND = 1;
    public static final ShardPayload NONE = new ShardPayload(null);

    @Override
    public byte kind() {
        return KIND;
    }

    @Override
    public int count() {
        return shard == null ? 0 : 1;
    }

    @Override
    public ByteBuffer bytes() {
        return shard == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(shard.encode()).asReadOnlyBuffer();
    }

    @Override
    public int byteLength() {
        return shard == null ? 0 : shard.encodedLength();
    }

    static ShardPayload decode(ByteBuffer bytes, int count) throws MalformedException {
        if (count == 0 && !bytes.hasRemaining()) {
            return NONE;
        }
        if (count != 1) {
            throw new MalformedException("shard payload count " + count + " (0 or 1)");
        }
        try {
            byte[] encoded = new byte[bytes.remaining()];
            bytes.duplicate().get(encoded);
            return new ShardPayload(ProvenShard.decode(encoded));
        } catch (MalformedDataException e) {
            throw new MalformedException("bad shard: " + e.getMessage());
        }
    }
}
