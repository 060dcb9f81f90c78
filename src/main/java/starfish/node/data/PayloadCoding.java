package starfish.node.data;

import java.nio.ByteBuffer;
import java.util.List;
import starfish.node.crypto.Digest;

/**
 * How a validator erasure-codes transaction data and rebuilds it from shards: by itself in a deployment
 * ({@link #direct}); a simulated committee, whose validators all code the same data, may code each payload once for
 * all of them. Either way the result is the encoding of the given bytes, which callers check against the block.
 */
public interface PayloadCoding {

    /** The code's shape: how many shards, how many of them rebuild the data. */
    ReedSolomonCoder coder();

    /** The encoding of the buffer's remaining bytes (own data, not yet in any block). */
    ShardedPayload encode(ByteBuffer payload);

    /**
     * The encoding of the buffer's remaining bytes, received in a block that commits to `claimedRoot`; the result's
     * root is the true one, whatever the block claims.
     */
    default ShardedPayload encode(ByteBuffer payload, Digest claimedRoot) {
        return encode(payload);
    }

    /** See {@link ShardedPayload#rebuild}: every shard must already have been verified against `root`. */
    ShardedPayload rebuild(Digest root, List<Shard> shards) throws InvalidEncodingException;

    static PayloadCoding direct(ReedSolomonCoder coder) {
        return new PayloadCoding() {
            @Override
            public ReedSolomonCoder coder() {
                return coder;
            }

            @Override
            public ShardedPayload encode(ByteBuffer payload) {
                return ShardedPayload.encode(coder, payload);
            }

            @Override
            public ShardedPayload rebuild(Digest root, List<Shard> shards) throws InvalidEncodingException {
                return ShardedPayload.rebuild(coder, root.bytes(), shards);
            }
        };
    }
}
