package starfish.node.dag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import starfish.node.metrics.ResourceBound;

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
    private final MissingReferences missing;
    private final EquivocationLimit equivocations;
    private final PerAuthorAllowance suspendedPerAuthor;
    private final BlockLimits limits;
    private long floor;

    public BlockManager(BlockStore store, int committeeSize, BlockLimits limits) {
        this.store = store;
        this.limits = limits;
        this.missing = new MissingReferences(committeeSize, limits.missingPerAuthor());
        this.equivocations = new EquivocationLimit(committeeSize, limits.equivocationsPerSlot());
        this.suspendedPerAuthor = new PerAuthorAllowance(committeeSize, limits.suspendedPerAuthor());
    }

    public AddResult add(List<Block> blocks) {
        List<Block> accepted = new ArrayList<>();
        List<BlockReference> newlyMissing = new ArrayList<>();
        for (Block block : blocks) {
            BlockReference reference = block.reference();
            if (store.contains(reference) || suspended.containsKey(reference) || isBelowFloor(reference)) {
                continue;
            }
            if (!equivocations.tryAdmit(reference)) {
                limits.onHit().accept(ResourceBound.EQUIVOCATIONS_PER_AUTHOR);
                continue;
            }
            List<BlockReference> absent = absentParents(block);
            if (absent.isEmpty()) {
                missing.remove(reference);
                acceptWithWaiters(block, accepted);
            } else if (mayWait(block, absent)) {
                missing.remove(reference);
                suspend(block, absent, newlyMissing);
            }
        }
        return new AddResult(accepted, newlyMissing);
    }

    /** Whether the block's author has room for one more waiting block and for the parents it adds to fetch. */
    private boolean mayWait(Block block, List<BlockReference> absent) {
        int author = block.author();
        if (!suspendedPerAuthor.hasRoom(author, 1)) {
            limits.onHit().accept(ResourceBound.SUSPENDED_PER_AUTHOR);
            return false;
        }
        int unknown = (int) absent.stream().filter(p -> !suspended.containsKey(p) && !missing.contains(p)).count();
        if (!missing.hasRoom(author, unknown)) {
            limits.onHit().accept(ResourceBound.MISSING_PER_AUTHOR);
            return false;
        }
        return true;
    }

    private void suspend(Block block, List<BlockReference> absent, List<BlockReference> newlyMissing) {
        BlockReference reference = block.reference();
        suspended.put(reference, block);
        suspendedPerAuthor.add(block.author(), 1);
        for (BlockReference parent : absent) {
            waiters.computeIfAbsent(parent, p -> new HashSet<>()).add(reference);
            if (!suspended.containsKey(parent) && missing.add(parent, block.author())) {
                newlyMissing.add(parent);
            }
        }
    }

    /** References that no block names as suspended or stored yet: the ones to request (read-only, oldest first). */
    public Set<BlockReference> missing() {
        return missing.references();
    }

    /** Blocks waiting for their parents. */
    public int suspendedCount() {
        return suspended.size();
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
        missing.removeBelow(round);
        equivocations.forgetBelow(round);
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
        suspendedPerAuthor.clear();
        suspended.values().forEach(block -> suspendedPerAuthor.add(block.author(), 1));
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
                suspendedPerAuthor.release(block.author());
                ready.add(block);
            }
        }
    }
}
