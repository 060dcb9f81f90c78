package starfish.simulation;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import starfish.node.dag.Block;
import starfish.node.dag.BlockCheck;
import starfish.node.dag.InvalidBlockException;

/**
 * One committee's memory of verdicts on received blocks. Every simulated validator receives the very same immutable
 * block objects (handed over or interned), and a verdict depends only on the block and on the committee and
 * protocol, which all validators of a run share: the first validator to receive a block checks it, the others
 * reuse the verdict, a rejection included (each receiver still counts it). Starfish's pushed history brings each
 * validator a hundred copies of each block at n=100, each with a Merkle proof to check. A check with side effects
 * for the checker's own use (an encoding kept for its core) is merely redone by the core of a validator that
 * skipped it. The cost model still charges every validator for its own checks. Shared by the simulation's
 * threads; bounded by emptying when full.
 */
final class SharedVerdicts {

    private static final int CAPACITY = 1 << 18;

    /** Empty for a valid block, else the rejection. */
    private final Map<Block, Optional<InvalidBlockException>> verdicts = new IdentityHashMap<>();

    BlockCheck sharing(BlockCheck own) {
        return block -> {
            Optional<InvalidBlockException> verdict = known(block);
            if (verdict == null) {
                verdict = verdictOf(own, block);
                remember(block, verdict);
            }
            if (verdict.isPresent()) {
                throw verdict.get();
            }
        };
    }

    private synchronized Optional<InvalidBlockException> known(Block block) {
        return verdicts.get(block);
    }

    private synchronized void remember(Block block, Optional<InvalidBlockException> verdict) {
        if (verdicts.size() >= CAPACITY) {
            verdicts.clear();
        }
        verdicts.put(block, verdict);
    }

    private static Optional<InvalidBlockException> verdictOf(BlockCheck own, Block block) {
        try {
            own.verify(block);
            return Optional.empty();
        } catch (InvalidBlockException e) {
            return Optional.of(e);
        }
    }
}
