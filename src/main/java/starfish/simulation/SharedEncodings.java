package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import starfish.node.crypto.Digest;
import starfish.node.data.InvalidEncodingException;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.Shard;
import starfish.node.data.ShardedPayload;

/**
 * One committee's erasure codings of transaction data, by Merkle root. In the Starfish data path every validator
 * encodes every block's data (Reed-Solomon and a Merkle tree of n leaves) to keep its own shard: n² encodings a
 * round, each the same for all validators. Here the first validator to code a payload (its author, as a rule) does
 * the work and the others reuse it: received data only when it is the very bytes encoded before (a block claiming a
 * root of other data is encoded anew, and fails its check as it would alone); a rebuild from shards verified against
 * a root already encoded is that encoding. The cost model charges each validator for what it receives, whether it
 * did the coding or not. Shared by the simulation's threads; the oldest codings are forgotten beyond a bound.
 */
final class SharedEncodings {

    /** About 40 rounds of a hundred validators' blocks: far longer than a block's data takes to reach everyone. */
    static final int CAPACITY = 1 << 12;

    private final Map<Digest, ShardedPayload> byRoot = new LinkedHashMap<>(CAPACITY, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Digest, ShardedPayload> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The coding a validator with `coder` uses: its own, shared with the committee. */
    PayloadCoding over(ReedSolomonCoder coder) {
        PayloadCoding own = PayloadCoding.direct(coder);
        return new PayloadCoding() {
            @Override
            public ReedSolomonCoder coder() {
                return coder;
            }

            @Override
            public ShardedPayload encode(ByteBuffer payload) {
                return remembered(own.encode(payload));
            }

            @Override
            public ShardedPayload encode(ByteBuffer payload, Digest claimedRoot) {
                ShardedPayload known = known(claimedRoot);
                return known != null && known.payload().equals(payload) ? known : encode(payload);
            }

            @Override
            public ShardedPayload rebuild(Digest root, List<Shard> shards) throws InvalidEncodingException {
                ShardedPayload known = known(root);
                return known != null ? known : remembered(own.rebuild(root, shards));
            }
        };
    }

    private synchronized ShardedPayload known(Digest root) {
        return byRoot.get(root);
    }

    private synchronized ShardedPayload remembered(ShardedPayload encoded) {
        byRoot.put(new Digest(encoded.root()), encoded);
        return encoded;
    }
}
