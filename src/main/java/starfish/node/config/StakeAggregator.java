package starfish.node.config;

import java.util.BitSet;
import java.util.List;

/** Sums the stake of distinct authorities (an authority counted twice adds nothing: equivocations do not count). */
public final class StakeAggregator {

    private final Committee committee;
    private final BitSet seen = new BitSet();
    private long stake;
    /** What authorities() last returned, until an authority is added: snapshots taken while nothing changed share it. */
    private List<Integer> counted;

    public StakeAggregator(Committee committee) {
        this.committee = committee;
    }

    /** Adds the authority's stake once; returns true when it was new. */
    public boolean add(int authority) {
        if (seen.get(authority)) {
            return false;
        }
        seen.set(authority);
        stake += committee.stake(authority);
        counted = null;
        return true;
    }

    /**
     * The authorities counted, in index order; immutable. Commit checkpoints keep this for every block of a GC
     * window (ten thousand lists of a hundred for a validator of a hundred, a checkpoint every few leaders), so
     * consecutive checkpoints share the lists that did not change.
     */
    public List<Integer> authorities() {
        if (counted == null) {
            counted = seen.stream().boxed().toList();
        }
        return counted;
    }

    public boolean reachedQuorum() {
        return committee.isQuorum(stake);
    }

    public long stake() {
        return stake;
    }
}
