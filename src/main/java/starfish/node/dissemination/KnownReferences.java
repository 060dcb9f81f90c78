package starfish.node.dissemination;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import starfish.node.crypto.Digest;
import starfish.node.dag.BlockReference;

/**
 * A set of block references laid out by round: a slot per author holds the first digest seen, and the rare others
 * (equivocations) sit beside. It holds exactly what a hash set of the references would, at a fraction of the cost:
 * a validator of a hundred records a hundred parents for each of the ten thousand blocks it receives a round.
 */
final class KnownReferences {

    private final int committeeSize;
    private final TreeMap<Long, Digest[]> rounds = new TreeMap<>();
    private final Set<BlockReference> others = new HashSet<>();
    private long cachedRound = Long.MIN_VALUE;
    private Digest[] cachedSlots;

    KnownReferences(int committeeSize) {
        this.committeeSize = committeeSize;
    }

    /** Adds the reference; false if it was there already. */
    boolean add(BlockReference reference) {
        int author = reference.author();
        if (author < 0 || author >= committeeSize) {
            return others.add(reference);
        }
        Digest[] slots = slotsOf(reference.round());
        Digest known = slots[author];
        if (known == null) {
            slots[author] = reference.digest();
            return true;
        }
        if (known == reference.digest() || known.equals(reference.digest())) {
            return false;
        }
        return others.add(reference);
    }

    /** Forgets every reference of a round below `round`. */
    void forgetBelow(long round) {
        rounds.headMap(round).clear();
        others.removeIf(reference -> reference.round() < round);
        cachedRound = Long.MIN_VALUE;
        cachedSlots = null;
    }

    private Digest[] slotsOf(long round) {
        if (round != cachedRound) {
            cachedSlots = rounds.computeIfAbsent(round, r -> new Digest[committeeSize]);
            cachedRound = round;
        }
        return cachedSlots;
    }
}
