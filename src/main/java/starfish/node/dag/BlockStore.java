package starfish.node.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The accepted DAG: every block whose parents are all known, indexed by reference and by round. Rounds below the
 * garbage-collection round are dropped. Not thread-safe: owned by the core thread.
 */
public final class BlockStore {

    private final Map<BlockReference, Block> byReference = new HashMap<>();
    private final NavigableMap<Long, List<Block>> byRound = new TreeMap<>();
    private long gcRound;
    private long version;
    private BlockLog log;

    /** From now on every block that enters the store is written to `value` first. */
    public void persistTo(BlockLog value) {
        this.log = value;
    }

    public void add(Block block) {
        if (byReference.containsKey(block.reference())) {
            return;
        }
        if (log != null) {
            log.append(block);
        }
        version++;
        byReference.put(block.reference(), block);
        byRound.computeIfAbsent(block.round(), r -> new ArrayList<>(4)).add(block);
    }

    public boolean contains(BlockReference reference) {
        return byReference.containsKey(reference);
    }

    public Block get(BlockReference reference) {
        return byReference.get(reference);
    }

    /** Every block of the round, in arrival order (equivocations included). */
    public List<Block> blocksAt(long round) {
        return byRound.getOrDefault(round, List.of());
    }

    /** The author's blocks of the round: more than one means the author equivocated. */
    public List<Block> blocksAt(long round, int author) {
        List<Block> result = new ArrayList<>(1);
        for (Block block : blocksAt(round)) {
            if (block.author() == author) {
                result.add(block);
            }
        }
        return result;
    }

    /** Changes whenever blocks enter or leave the store: what was derived from an equal version still holds. */
    public long version() {
        return version;
    }

    public long highestRound() {
        return byRound.isEmpty() ? 0 : byRound.lastKey();
    }

    public void garbageCollectBelow(long round) {
        if (round <= gcRound) {
            return;
        }
        gcRound = round;
        version++;
        NavigableMap<Long, List<Block>> old = byRound.headMap(round, false);
        old.values().forEach(blocks -> blocks.forEach(b -> byReference.remove(b.reference())));
        old.clear();
    }
}
