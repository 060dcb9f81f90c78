package starfish.node.config;

import java.util.BitSet;
import java.util.List;

/** Sums the stake of distinct authorities (an authority counted twice adds nothing: equivocations do not count). */
public final class StakeAggregator {

    private final Committee committee;
    private final BitSet seen = new BitSet();
    private long stake;

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
        return true;
    }

    /** The authorities counted, in index order. */
    public List<Integer> authorities() {
        return seen.stream().boxed().toList();
    }

    public boolean reachedQuorum() {
        return committee.isQuorum(stake);
    }

    public long stake() {
        return stake;
    }
}
