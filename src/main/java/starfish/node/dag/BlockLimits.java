package starfish.node.dag;

import java.util.function.Consumer;
import starfish.node.metrics.ResourceBound;

/**
 * The bounds on what a BlockManager keeps for blocks it cannot admit yet, and where it reports a bound that bit.
 *
 * @param equivocationsPerSlot distinct blocks one author may have in one round (the committee size by default:
 *                             room for one chain per peer)
 * @param suspendedPerAuthor   blocks of one author waiting for their parents
 * @param missingPerAuthor     unknown references that one author's blocks may name
 */
public record BlockLimits(int equivocationsPerSlot, int suspendedPerAuthor, int missingPerAuthor,
                          Consumer<ResourceBound> onHit) {

    /**
     * Defaults for a committee of `committee` whose validators keep `gcDepth` rounds. An honest author's blocks
     * waiting here span at most the round window and the catch-up window (about 2 gcDepth rounds) and name at most
     * the committee each, so an honest author stays well within these even while this validator catches up.
     */
    public static BlockLimits defaults(int committee, int gcDepth, Consumer<ResourceBound> onHit) {
        return new BlockLimits(committee, Math.max(1_000, 4 * gcDepth), Math.max(4_096, 2 * committee * gcDepth),
                onHit);
    }
}
