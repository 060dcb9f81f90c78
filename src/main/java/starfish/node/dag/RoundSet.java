package starfish.node.dag;

import java.util.Set;

/** A set of block references that drops whole rounds in time proportional to what it drops (see {@link RoundMap}). */
public final class RoundSet {

    private final RoundMap<Boolean> members = new RoundMap<>();

    /** Adds the reference; false if it was there already. */
    public boolean add(BlockReference reference) {
        return members.put(reference, Boolean.TRUE) == null;
    }

    public boolean contains(BlockReference reference) {
        return members.containsKey(reference);
    }

    /** Drops every reference of a round below `round`. */
    public void removeBelow(long round) {
        members.removeBelow(round);
    }

    public void clear() {
        members.clear();
    }

    /** A read-only view, in no particular order. */
    public Set<BlockReference> asSet() {
        return members.asMap().keySet();
    }
}
