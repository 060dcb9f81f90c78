package starfish.node.dissemination;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import starfish.node.crypto.Digest;
import starfish.node.dag.BlockReference;

/**
 * Which peers are known to hold which blocks: a set of (peer, block reference) pairs laid out by round, with a slot
 * per author holding the first digest seen and the bits of the peers that hold it, and the rare other digests
 * (equivocations) beside. One table for all peers: a validator of a hundred records a hundred parents for each of
 * the ten thousand blocks its peers push it a round, and the bits beside each block keep that in a few cache lines
 * (a table of digests per peer took a hundred times the memory), and let one walk of the DAG serve every peer.
 */
final class KnownHolders {

    private static final int CACHED_ROUNDS = 4;

    /** One round: the first digest seen per author, and per author the words of the bits of the peers holding it. */
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
    private final Map<BlockReference, long[]> others = new HashMap<>();
    /** Blocks pushed to a peer alternate between two rounds (the block's and its parents'): a few stay at hand. */
    private final Round[] cached = new Round[CACHED_ROUNDS];
    private long floor = Long.MIN_VALUE;

    KnownHolders(int committeeSize) {
        this.committeeSize = committeeSize;
        this.words = (committeeSize + 63) / 64;
    }

    /** A peer set with no peer, to fill with {@link #include}. */
    long[] noPeers() {
        return new long[words];
    }

    static void include(long[] peers, int peer) {
        peers[peer >>> 6] |= 1L << peer;
    }

    static boolean includes(long[] peers, int peer) {
        return (peers[peer >>> 6] & 1L << peer) != 0;
    }

    static boolean isEmpty(long[] peers) {
        for (long word : peers) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /** Records that the peer holds the block; false if that was known already. */
    boolean add(int peer, BlockReference reference) {
        long[] holders = holdersOf(reference);
        int word = wordOf(reference, holders) + (peer >>> 6);
        long bit = 1L << peer;
        boolean added = (holders[word] & bit) == 0;
        holders[word] |= bit;
        return added;
    }

    /** Records that the peers hold the block; returns the ones for which that was not known (a new set). */
    long[] addAll(long[] peers, BlockReference reference) {
        long[] holders = holdersOf(reference);
        int start = wordOf(reference, holders);
        long[] added = new long[words];
        for (int i = 0; i < words; i++) {
            added[i] = peers[i] & ~holders[start + i];
            holders[start + i] |= peers[i];
        }
        return added;
    }

    /** Records that the peers hold the block. */
    void includeAll(long[] peers, BlockReference reference) {
        long[] holders = holdersOf(reference);
        int start = wordOf(reference, holders);
        for (int i = 0; i < words; i++) {
            holders[start + i] |= peers[i];
        }
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

    /** The words holding the block's peer bits: its round's table, or its own words for an equivocation. */
    private long[] holdersOf(BlockReference reference) {
        int author = reference.author();
        if (author < 0 || author >= committeeSize) {
            return others.computeIfAbsent(reference, r -> new long[words]);
        }
        Round round = round(reference.round());
        Digest first = round.digests[author];
        if (first == null) {
            round.digests[author] = reference.digest();
        } else if (first != reference.digest() && !first.equals(reference.digest())) {
            return others.computeIfAbsent(reference, r -> new long[words]);
        }
        return round.holders;
    }

    /**
     * Where the block's words start in what {@link #holdersOf} returned: an equivocation's own words are exactly
     * one peer set long; a round's table is longer, unless the committee has one member, whose words start at 0 too.
     */
    private int wordOf(BlockReference reference, long[] holders) {
        return holders.length == words ? 0 : reference.author() * words;
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
