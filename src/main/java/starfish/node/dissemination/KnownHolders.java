package starfish.node.dissemination;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import starfish.node.crypto.Digest;
import starfish.node.dag.BlockReference;

/**
 * Which peers are known to hold which blocks: a set of (peer, block reference) pairs laid out by round, with a slot
 * per author holding the first digest seen and a bit per peer, and the rare other digests (equivocations) beside.
 * One table for all peers: a validator of a hundred records a hundred parents for each of the ten thousand blocks
 * its peers push it a round, and a bit per peer beside each block keeps that work in a few cache lines (a table of
 * digests per peer took a hundred times the memory and a third of a simulated committee's time).
 */
final class KnownHolders {

    private static final int CACHED_ROUNDS = 4;

    /** One round: the first digest seen per author, and per author the bits of the peers that hold it. */
    private static final class Round {
        final long number;
        final Digest[] digests;
        final long[] holders;

        Round(long number, int committeeSize, int words) {
            this.number = number;
            this.digests = new Digest[committeeSize];
            this.holders = new long[committeeSize * words];
        }
    }

    private final int committeeSize;
    private final int words;
    private final TreeMap<Long, Round> rounds = new TreeMap<>();
    private final Map<BlockReference, BitSet> others = new HashMap<>();
    /** Blocks pushed to a peer alternate between two rounds (the block's and its parents'): a few stay at hand. */
    private final Round[] cached = new Round[CACHED_ROUNDS];
    private long floor = Long.MIN_VALUE;

    KnownHolders(int committeeSize) {
        this.committeeSize = committeeSize;
        this.words = (committeeSize + 63) / 64;
    }

    /** Records that the peer holds the block; false if that was known already. */
    boolean add(int peer, BlockReference reference) {
        int author = reference.author();
        if (author < 0 || author >= committeeSize) {
            return addOther(peer, reference);
        }
        Round round = round(reference.round());
        Digest first = round.digests[author];
        if (first == null) {
            round.digests[author] = reference.digest();
        } else if (first != reference.digest() && !first.equals(reference.digest())) {
            return addOther(peer, reference);
        }
        int word = author * words + (peer >>> 6);
        long bit = 1L << peer;
        boolean added = (round.holders[word] & bit) == 0;
        round.holders[word] |= bit;
        return added;
    }

    /** Forgets every block of a round below `round` (or below a higher floor given before), for every peer. */
    void forgetBelow(long round) {
        floor = Math.max(floor, round);
        if (!rounds.isEmpty() && rounds.firstKey() < floor) {
            rounds.headMap(floor).clear();
            Arrays.fill(cached, null);
        }
        if (!others.isEmpty()) {
            others.keySet().removeIf(reference -> reference.round() < floor);
        }
    }

    private boolean addOther(int peer, BlockReference reference) {
        BitSet holders = others.computeIfAbsent(reference, r -> new BitSet());
        if (holders.get(peer)) {
            return false;
        }
        holders.set(peer);
        return true;
    }

    private Round round(long number) {
        int slot = (int) (number & (CACHED_ROUNDS - 1));
        Round round = cached[slot];
        if (round == null || round.number != number) {
            round = rounds.computeIfAbsent(number, n -> new Round(n, committeeSize, words));
            cached[slot] = round;
        }
        return round;
    }
}
