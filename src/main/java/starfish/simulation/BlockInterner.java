package starfish.simulation;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.Transactions;

/**
 * One immutable copy per block for a whole simulated committee. A block's reference names its digest, the hash of
 * its header, so two decodings with one reference have the same header: a later one is replaced by the first
 * (or, when its signature or payload differs, as a forwarded Starfish block's shard does, shares the first one's
 * header lists). Without it every simulated validator keeps its own copy of every block, and a committee of a
 * hundred does not fit in memory. Bounded by forgetting the oldest blocks first: a forgotten block is merely
 * decoded again. Used on the scheduler's one thread.
 */
final class BlockInterner {

    private final Map<BlockReference, Block> canonical;

    BlockInterner(int capacity) {
        this.canonical = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BlockReference, Block> eldest) {
                return size() > capacity;
            }
        };
    }

    Block intern(Block block) {
        Block known = canonical.get(block.reference());
        if (known == null) {
            Block kept = compacted(block);
            canonical.put(block.reference(), kept);
            return kept;
        }
        boolean sameSignature = Arrays.equals(known.signature(), block.signature());
        // full transactions compare by content; a shard compares by identity, and then only its header is shared
        if (sameSignature && known.payload().equals(block.payload())) {
            return known;
        }
        return new Block(known.reference(), known.creationTimeMs(), known.parents(), known.acknowledgements(),
                known.payloadCommitment(), sameSignature ? known.signature() : block.signature(),
                compacted(block).payload());
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
