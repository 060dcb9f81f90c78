package starfish.node.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sibling hashes on the path from one leaf to the root, leaf level first.
 *
 * <p>Wire format: one unsigned byte {@code depth}, then {@code depth} hashes of {@link MerkleTree#HASH_BYTES} bytes.
 * Which side each sibling is on follows from the leaf index, so it is not encoded.
 */
public final class MerkleProof {

    /** Deep enough for 2^31 leaves; anything deeper on the wire is malformed. */
    public static final int MAX_DEPTH = 31;

    private final byte[][] siblings;

    MerkleProof(byte[][] siblings) {
        this.siblings = siblings;
    }

    public int depth() {
        return siblings.length;
    }

    byte[] sibling(int level) {
        return siblings[level];
    }

    public int encodedLength() {
        return 1 + siblings.length * MerkleTree.HASH_BYTES;
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(encodedLength());
        write(buffer);
        return buffer.array();
    }

    public void write(ByteBuffer buffer) {
        buffer.put((byte) siblings.length);
        for (byte[] sibling : siblings) {
            buffer.put(sibling);
        }
    }

    /** Decodes exactly one proof occupying all of {@code bytes}. */
    public static MerkleProof decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "proof bytes");
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        MerkleProof proof = read(buffer);
        MalformedDataException.requireFullyConsumed(buffer, "a Merkle proof of depth " + proof.depth());
        return proof;
    }

    /** Reads one proof from the buffer's position, leaving the position just after it. */
    public static MerkleProof read(ByteBuffer buffer) {
        if (!buffer.hasRemaining()) {
            throw new MalformedDataException("Merkle proof is empty: no depth byte");
        }
        int depth = Byte.toUnsignedInt(buffer.get());
        if (depth > MAX_DEPTH) {
            throw new MalformedDataException("Merkle proof depth " + depth + " exceeds " + MAX_DEPTH);
        }
        long needed = (long) depth * MerkleTree.HASH_BYTES;
        if (buffer.remaining() < needed) {
            throw new MalformedDataException("Merkle proof of depth " + depth + " needs " + needed
                    + " hash bytes, only " + buffer.remaining() + " remain");
        }
        byte[][] siblings = new byte[depth][MerkleTree.HASH_BYTES];
        for (byte[] sibling : siblings) {
            buffer.get(sibling);
        }
        return new MerkleProof(siblings);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MerkleProof proof && Arrays.deepEquals(proof.siblings, siblings);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(siblings);
    }

    @Override
    public String toString() {
        return "MerkleProof[depth=" + siblings.length + "]";
    }
}
