package starfish.node.availability;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockVerifier;
import starfish.node.dag.InvalidBlockException;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ProvenShard;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.ShardedPayload;
import starfish.node.metrics.RejectionReason;

/**
 * The Starfish family's payload rule: the header commits to the Merkle root of the transactions' shards. Full data
 * must encode to that root; a forwarded shard must prove its place under it. Runs on the network threads.
 */
public final class ShardedPayloadCheck implements BlockVerifier.PayloadCheck {

    /** Enough for the blocks between a reader thread and the core; more would only pin memory. */
    private static final int KEPT_ENCODINGS = 32;

    private final ReedSolomonCoder coder;
    private final PayloadCoding coding;
    /** Encodings just verified, by root, so that the core thread need not encode the same data again. */
    private final Map<Digest, ShardedPayload> verified = Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT_ENCODINGS, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Digest, ShardedPayload> eldest) {
                    return size() > KEPT_ENCODINGS;
                }
            });

    public ShardedPayloadCheck(PayloadCoding coding) {
        this.coder = coding.coder();
        this.coding = coding;
    }

    /** The encoding verified for this root, if still kept (each is handed out once). */
    ShardedPayload takeVerified(Digest root) {
        return verified.remove(root);
    }

    @Override
    public void check(Block block) throws InvalidBlockException {
        byte[] root = block.payloadCommitment().bytes();
        if (block.payload() instanceof Transactions transactions) {
            ShardedPayload encoded = transactions.isWellFormed()
                    ? coding.encode(transactions.bytes(), block.payloadCommitment()) : null;
            if (encoded == null || !Arrays.equals(encoded.root(), root)) {
                throw new InvalidBlockException(RejectionReason.MERKLE_MISMATCH, "data does not encode to the Merkle root of " + block);
            }
            verified.put(block.payloadCommitment(), encoded);
        } else if (block.payload() instanceof ShardPayload shardPayload && shardPayload.shard() != null) {
            ProvenShard shard = shardPayload.shard();
            if (shard.shard().index() >= coder.totalShards() || !shard.verify(root, coder.totalShards())) {
                throw new InvalidBlockException(RejectionReason.BAD_SHARD, "shard " + shard.shard().index()
                        + " does not match the Merkle root of " + block);
            }
        }
    }
}
