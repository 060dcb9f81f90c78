package starfish.node.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * A payload together with its erasure-coded shards and their Merkle tree: what a block author (or a validator that
 * rebuilt the data) holds to hand out shard i with its proof.
 *
 * <p>Byte arrays returned by accessors are shared, not copied, except {@link #root()}; callers must not mutate them.
 */
public final class ShardedPayload {

    private final ByteBuffer payload;
    private final byte[][] shards;
    private final MerkleTree tree;

    private ShardedPayload(ByteBuffer payload, byte[][] shards) {
        this.payload = payload;
        this.shards = shards;
        this.tree = MerkleTree.build(shards);
    }

    public static ShardedPayload encode(ReedSolomonCoder coder, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return encode(coder, ByteBuffer.wrap(payload));
    }

    /** Encodes the buffer's remaining bytes; the payload is shared with the buffer, not copied. */
    public static ShardedPayload encode(ReedSolomonCoder coder, ByteBuffer payload) {
        ByteBuffer view = payload.slice().asReadOnlyBuffer();
        return new ShardedPayload(view, coder.encode(view));
    }

    /**
     * Rebuilds the payload from at least k shards and checks it against the committed root by re-encoding: only a
     * payload whose full encoding has this root is accepted. Every shard must already have been checked with
     * {@link ProvenShard#verify} against {@code root}; otherwise one bad shard from a Byzantine forwarder would make an
     * honest author's data look invalid.
     *
     * @throws InvalidEncodingException the author's shards are not a valid encoding of any payload
     */
    public static ShardedPayload rebuild(ReedSolomonCoder coder, byte[] root, List<Shard> shards)
            throws InvalidEncodingException {
        Objects.requireNonNull(root, "root");
        ShardedPayload rebuilt = encode(coder, coder.decode(shards));
        if (!MessageDigest.isEqual(rebuilt.tree.root(), root)) {
            throw new InvalidEncodingException("re-encoded shards do not match the committed Merkle root");
        }
        return rebuilt;
    }

    /** The payload, read-only. */
    public ByteBuffer payload() {
        return payload.duplicate();
    }

    public byte[] root() {
        return tree.root();
    }

    public int shardCount() {
        return shards.length;
    }

    public Shard shard(int index) {
        Objects.checkIndex(index, shards.length);
        return new Shard(index, shards[index]);
    }

    public MerkleProof proof(int index) {
        return tree.proof(index);
    }

    /** Shard {@code index} with its proof, ready to send. */
    public ProvenShard provenShard(int index) {
        return new ProvenShard(shard(index), proof(index));
    }
}
