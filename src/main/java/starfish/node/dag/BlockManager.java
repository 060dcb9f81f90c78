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
 * the references still missing so that the synchronizer can fetch them. Not thread-safe: owned by the core thread.
 */
public final class BlockManager {

    /** What one call admitted (in causal order) and which references became missing. */
    public record AddResult(List<Block> accepted, List<BlockReference> newlyMissing) {
    }

    private final BlockStore store;
    private final Map<BlockReference, Block> suspended = new HashMap<>();
    private final Map<BlockReference, Set<BlockReference>> waiters = new HashMap<>();
    private final Set<BlockReference> missing = new LinkedHashSet<>();

    public BlockManager(BlockStore store) {
        this.store = store;
    }

    public AddResult add(List<Block> blocks) {
        List<Block> accepted = new ArrayList<>();
        List<BlockReference> newlyMissing = new ArrayList<>();
        for (Block block : blocks) {
            BlockReference reference = block.reference();
            if (store.contains(reference) || suspended.containsKey(reference) || store.isBelowGc(reference)) {
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

    public int suspendedCount() {
        return suspended.size();
    }

    /** Drops suspended blocks and missing references below the store's gc round, admitting what that unblocks. */
    public List<Block> garbageCollect() {
        List<Block> accepted = new ArrayList<>();
        suspended.values().removeIf(b -> store.isBelowGc(b.reference()));
        List<BlockReference> forgotten = new ArrayList<>();
        missing.removeIf(r -> store.isBelowGc(r) && forgotten.add(r));
        waiters.keySet().removeIf(r -> store.isBelowGc(r) && !forgotten.contains(r) && forgotten.add(r));
        for (BlockReference reference : forgotten) {
            wake(reference, accepted);
        }
        return accepted;
    }

    private List<BlockReference> absentParents(Block block) {
        List<BlockReference> absent = new ArrayList<>(0);
        for (BlockReference parent : block.parents()) {
            if (!store.contains(parent) && !store.isBelowGc(parent)) {
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

    private void wake(BlockReference reference, List<Block> accepted) {
        Deque<Block> ready = new ArrayDeque<>();
        collectReady(reference, ready);
        for (Block block : ready) {
            acceptWithWaiters(block, accepted);
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
