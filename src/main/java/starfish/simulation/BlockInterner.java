package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import starfish.node.dag.Block;
import starfish.node.dag.BlockPayload;
import starfish.node.dag.BlockReference;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;

/**
 * One immutable copy per block for a whole simulated committee. A block's reference names its digest, the hash of
 * its header, so two decodings with one reference have the same header: a later one is replaced by the first
 * (or, when its signature or payload differs, as a forwarded Starfish block's shard does, shares the first one's
 * header lists; each forwarder's shard makes one such copy, which all its receivers share, so that they can share
 * their verdict on it too). Without it every simulated validator keeps its own copy of every block, and a
 * committee of a hundred does not fit in memory. Bounded by forgetting the oldest blocks first: a forgotten block
 * is merely decoded again. Shared by the threads that run the validators.
 */
final class BlockInterner {

    /** A block's first copy, and the copies with other payloads (forwarded shards) that share its header. */
    private static final class Copies {
        final Block first;
        /**
         * By the forwarded shard's identity (a forwarder wraps its one shard object anew for each peer): hashing
         * a shard's Merkle proof took a twelfth of a committee of a hundred's time.
         */
        final Map<Object, Block> others = new IdentityHashMap<>();

        Copies(Block first) {
            this.first = first;
        }
    }

    private final Map<BlockReference, Copies> canonical;

    BlockInterner(int capacity) {
        this.canonical = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BlockReference, Copies> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Block intern(Block block) {
        Copies copies = canonical.get(block.reference());
        if (copies == null) {
            Block kept = compacted(block);
            canonical.put(block.reference(), new Copies(kept));
            return kept;
        }
        Block known = copies.first;
        if (!Arrays.equals(known.signature(), block.signature())) {
            return withHeaderOf(known, block.signature(), block);
        }
        // full transactions compare by content; a shard by identity: each forwarder's own shard is one copy
        if (known.payload().equals(block.payload())) {
            return known;
        }
        Object payloadIdentity = block.payload() instanceof ShardPayload forwarded ? forwarded.shard() : block.payload();
        return copies.others.computeIfAbsent(payloadIdentity, payload -> withHeaderOf(known, known.signature(), block));
    }

    private static Block withHeaderOf(Block known, byte[] signature, Block copy) {
        return new Block(known.reference(), known.creationTimeMs(), known.parents(), known.acknowledgements(),
                known.payloadCommitment(), signature, compacted(copy).payload());
    }

    /** Decoded transactions are a view of their whole frame: a kept block gets its own copy of just its data. */
    private static Block compacted(Block block) {
        if (!(block.payload() instanceof Transactions transactions) || transactions.sizeBytes() == 0) {
            return block;
        }
        ByteBuffer copy = ByteBuffer.allocate(transactions.sizeBytes()).put(transactions.bytes()).flip();
        return block.withPayload(new Transactions(copy, transactions.count()));
    }
}
