package starfish.node.data;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A shard with its Merkle proof: what a validator forwards for a block it did not author, and what a receiver
 * checks against the root in the block header before storing or acknowledging the data.
 *
 * <p>Wire format: {@code [index: u16][length: u32, >= 1][length shard bytes][proof]} with the proof as in
 * {@link MerkleProof}. Decoding is strict: any inconsistent length is a {@link MalformedDataException}.
 */
public record ProvenShard(Shard shard, MerkleProof proof) {

    private static final int HEADER_BYTES = Short.BYTES + Integer.BYTES;

    public ProvenShard {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(proof, "proof");
    }

    /** Whether this is shard {@code shard().index()} of the codeword of {@code shardCount} shards with this root. */
    public boolean verify(byte[] root, int shardCount) {
        return MerkleTree.verify(root, shard.index(), shardCount, shard.data(), proof);
    }

    public int encodedLength() {
        return HEADER_BYTES + shard.data().length + proof.encodedLength();
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(encodedLength());
        write(buffer);
        return buffer.array();
    }

    public void write(ByteBuffer buffer) {
        buffer.putShort((short) shard.index());
        buffer.putInt(shard.data().length);
        buffer.put(shard.data());
        proof.write(buffer);
    }

    /** Decodes exactly one proven shard occupying all of {@code bytes}. */
    public static ProvenShard decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "proven shard bytes");
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        ProvenShard provenShard = read(buffer);
        MalformedDataException.requireFullyConsumed(buffer, "proven shard " + provenShard.shard().index());
        return provenShard;
    }

    /** Reads one proven shard from the buffer's position, leaving the position just after it. */
    public static ProvenShard read(ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_BYTES) {
            throw new MalformedDataException("proven shard header needs " + HEADER_BYTES + " bytes, only "
                    + buffer.remaining() + " remain");
        }
        int index = Short.toUnsignedInt(buffer.getShort());
        if (index >= ReedSolomonCoder.MAX_SHARDS) {
            throw new MalformedDataException("shard index " + index + " exceeds the maximum "
                    + (ReedSolomonCoder.MAX_SHARDS - 1));
        }
        int length = buffer.getInt();
        if (length < 1 || length > buffer.remaining()) {
            throw new MalformedDataException("shard " + index + " declares " + length + " bytes, "
                    + buffer.remaining() + " remain");
        }
        byte[] data = new byte[length];
        buffer.get(data);
        return new ProvenShard(new Shard(index, data), MerkleProof.read(buffer));
    }
}
