package starfish.node.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Admits verified blocks into the store once all their parents are there; keeps the others suspended and tracks
 * the references still missing so that the synchronizer can fetch them. Blocks below the floor are neither kept
 * nor fetched, and references to them count as present: the floor follows garbage collection, and jumps ahead
 * when this validator lags so far behind that peers no longer hold the history it misses. Not thread-safe: owned
 * by the core thread.
 */
public final class BlockManager {

    /** What one call admitted (in causal order) and which references became missing. */
    public record AddResult(List<Block> accepted, List<BlockReference> newlyMissing) {
    }

    private final BlockStore store;
    private final Map<BlockReference, Block> suspended = new HashMap<>();
    private final Map<BlockReference, Set<BlockReference>> waiters = new HashMap<>();
    private final Set<BlockReference> missing = new LinkedHashSet<>();
    private long floor;

    public BlockManager(BlockStore store) {
        this.store = store;
    }

    public AddResult add(List<Block> blocks) {
        List<Block> accepted = new ArrayList<>();
        List<BlockReference> newlyMissing = new ArrayList<>();
        for (Block block : blocks) {
            BlockReference reference = block.reference();
            if (store.contains(reference) || suspended.containsKey(reference) || isBelowFloor(reference)) {
                continue;
            }
            missing.remove(reference);
            List<BlockReference> absent = absentParents(block);
            if (absent.isEmpty()) {
                acceptWithWaiters(block, accepted);
            } else {
                suspended.put(reference, block);
                for (BlockReference parent : absent) {
                    waiters.computeIfAbsent(parent, p -> new HashSet<>()).add(reference);
                    if (!suspended.containsKey(parent) && missing.add(parent)) {
                        newlyMissing.add(parent);
                    }
                }
            }
        }
        return new AddResult(accepted, newlyMissing);
    }

    /** References that no block names as suspended or stored yet: the ones to request. */
    public Set<BlockReference> missing() {
        return missing;
    }

    public long floor() {
        return floor;
    }

    /**
     * Raises the floor: drops suspended blocks and missing references below it and admits the blocks that were
     * only waiting for those.
     */
    public List<Block> raiseFloor(long round) {
        List<Block> accepted = new ArrayList<>();
        if (round <= floor) {
            return accepted;
        }
        floor = round;
        suspended.values().removeIf(b -> isBelowFloor(b.reference()));
        missing.removeIf(this::isBelowFloor);
        waiters.keySet().removeIf(this::isBelowFloor);
        // the waiter sets were removed with their keys: wake their children by re-checking every suspended block
        List<Block> ready = new ArrayList<>();
        for (Block block : suspended.values()) {
            if (absentParents(block).isEmpty()) {
                ready.add(block);
            }
        }
        for (Block block : ready) {
            if (suspended.remove(block.reference()) != null) {
                acceptWithWaiters(block, accepted);
            }
        }
        return accepted;
    }

    private boolean isBelowFloor(BlockReference reference) {
        return reference.round() < floor;
    }

    private List<BlockReference> absentParents(Block block) {
        List<BlockReference> absent = new ArrayList<>(0);
        for (BlockReference parent : block.parents()) {
            if (!store.contains(parent) && !isBelowFloor(parent)) {
                absent.add(parent);
            }
        }
        return absent;
    }

    private void acceptWithWaiters(Block block, List<Block> accepted) {
        Deque<Block> ready = new ArrayDeque<>();
        ready.add(block);
        while (!ready.isEmpty()) {
            Block next = ready.poll();
            store.add(next);
            accepted.add(next);
            collectReady(next.reference(), ready);
        }
    }

    private void collectReady(BlockReference available, Deque<Block> ready) {
        Set<BlockReference> children = waiters.remove(available);
        if (children == null) {
            return;
        }
        for (BlockReference child : children) {
            Block block = suspended.get(child);
            if (block != null && absentParents(block).isEmpty()) {
                suspended.remove(child);
                ready.add(block);
            }
        }
    }
}
