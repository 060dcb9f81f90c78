package starfish.node.availability;

import java.nio.ByteBuffer;
import java.util.Arrays;
import starfish.node.dag.Block;
import starfish.node.dag.BlockVerifier;
import starfish.node.dag.InvalidBlockException;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.ProvenShard;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.ShardedPayload;

/**
 * The Starfish family's payload rule: the header commits to the Merkle root of the transactions' shards. Full data
 * must encode to that root; a forwarded shard must prove its place under it. Runs on the network threads.
 */
public final class ShardedPayloadCheck implements BlockVerifier.PayloadCheck {

    public static final String MERKLE_MISMATCH = "merkle-mismatch";
    public static final String BAD_SHARD = "bad-shard";

    private final ReedSolomonCoder coder;

    public ShardedPayloadCheck(ReedSolomonCoder coder) {
        this.coder = coder;
    }

    @Override
    public void check(Block block) throws InvalidBlockException {
        byte[] root = block.payloadCommitment().bytes();
        if (block.payload() instanceof Transactions transactions) {
            if (!transactions.isWellFormed()
                    || !Arrays.equals(encode(coder, transactions).root(), root)) {
                throw new InvalidBlockException(MERKLE_MISMATCH, "data does not encode to the Merkle root of " + block);
            }
        } else if (block.payload() instanceof ShardPayload shardPayload && shardPayload.shard() != null) {
            ProvenShard shard = shardPayload.shard();
            if (shard.shard().index() >= coder.totalShards() || !shard.verify(root, coder.totalShards())) {
                throw new InvalidBlockException(BAD_SHARD, "shard " + shard.shard().index()
                        + " does not match the Merkle root of " + block);
            }
        }
    }

    static ShardedPayload encode(ReedSolomonCoder coder, Transactions transactions) {
        ByteBuffer data = transactions.bytes();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return ShardedPayload.encode(coder, bytes);
    }
}
