package starfish.node.dag;

import java.util.TreeMap;

/**
 * At most `limit` distinct blocks per author and round enter the DAG or wait in it. An honest author has one; the
 * limit leaves room for the Byzantine strategies that equivocate once per peer, while a flood of equivocations
 * cannot grow the DAG without bound. Rounds below the floor are forgotten.
 */
final class EquivocationLimit {

    private final int authors;
    private final int limit;
    private final TreeMap<Long, int[]> blocksPerRound = new TreeMap<>();

    EquivocationLimit(int authors, int limit) {
        this.authors = authors;
        this.limit = limit;
    }

    /** Counts the block in its slot; false when the slot is full and the block must be dropped. */
    boolean tryAdmit(BlockReference reference) {
        int[] counts = blocksPerRound.computeIfAbsent(reference.round(), round -> new int[authors]);
        if (counts[reference.author()] >= limit) {
            return false;
        }
        counts[reference.author()]++;
        return true;
    }

    void forgetBelow(long round) {
        blocksPerRound.headMap(round).clear();
    }
}
