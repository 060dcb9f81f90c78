package starfish.node.dissemination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;

/**
 * Which blocks each peer is known to hold: blocks it sent us, the parents they name, and blocks we sent it. Used to
 * send a peer exactly the causal history it lacks.
 */
final class PeerKnowledge {

    /** A block received since the last walk, and the peers that sent it: they hold the parents it names. */
    private record Naming(List<BlockReference> parents, long[] senders) {
    }

    private final BlockStore store;
    private final KnownHolders known;
    private final int committeeSize;
    /**
     * The parents named by the blocks received since the last walk, credited to their senders in one pass before
     * the next: a block arrives from up to every peer, and crediting its hundred parents for each copy was a
     * fifth of a simulated committee of a hundred's time. Bounded, for validators that seldom walk.
     */
    private final Map<BlockReference, Naming> unsettled = new HashMap<>();
    private final int unsettledBound;

    PeerKnowledge(BlockStore store, int committeeSize) {
        this.store = store;
        this.known = new KnownHolders(committeeSize);
        this.committeeSize = committeeSize;
        this.unsettledBound = 4 * committeeSize;
    }

    void received(int peer, List<Block> blocks) {
        for (Block block : blocks) {
            known.add(peer, block.reference());
            Naming naming = unsettled.get(block.reference());
            if (naming == null) {
                naming = new Naming(block.parents(), known.noPeers());
                unsettled.put(block.reference(), naming);
            }
            KnownHolders.include(naming.senders(), peer);
        }
        if (unsettled.size() > unsettledBound) {
            settle();
        }
    }

    /** Credits the parents named since the last call to the peers that named them. */
    private void settle() {
        unsettled.values().forEach(naming -> naming.parents().forEach(parent -> known.includeAll(naming.senders(),
                parent)));
        unsettled.clear();
    }

    /** A peer set with no peer, to fill with {@link KnownHolders#include}. */
    long[] noPeers() {
        return known.noPeers();
    }

    void sent(int peer, BlockReference reference) {
        known.add(peer, reference);
    }

    /**
     * The ancestors of `roots` the peer does not hold, at or above `floor` (genesis excluded), in causal order;
     * they count as sent from now on. Knowledge below the floor (or a higher one given before) is forgotten, for
     * every peer.
     */
    List<Block> unknownHistory(int peer, Collection<Block> roots, long floor) {
        long[] onlyPeer = known.noPeers();
        KnownHolders.include(onlyPeer, peer);
        return unknownHistories(roots, floor, onlyPeer).get(peer);
    }

    /**
     * {@link #unknownHistory} for each of `peers` (indexed by peer; empty for the others), in one walk: each
     * ancestor is visited once, from the highest round down, with the set of peers that reached it through
     * blocks they lacked. A walk per peer visited a hundred times as much at n=100, where a peer lacks most of
     * the previous round.
     */
    List<List<Block>> unknownHistories(Collection<Block> roots, long floor, long[] peers) {
        settle();
        known.forgetBelow(floor);
        long lowest = Math.max(1, floor);
        TreeMap<Long, Map<BlockReference, long[]>> reached = new TreeMap<>();
        roots.forEach(root -> reachParents(reached, root, peers, lowest));
        List<Block> lacked = new ArrayList<>();
        List<long[]> lackedBy = new ArrayList<>();
        for (Map.Entry<Long, Map<BlockReference, long[]>> round; (round = reached.pollLastEntry()) != null; ) {
            round.getValue().forEach((reference, reachedBy) -> {
                long[] lacking = known.addAll(reachedBy, reference);
                Block block = store.get(reference);
                if (block != null && !KnownHolders.isEmpty(lacking)) {
                    lacked.add(block);
                    lackedBy.add(lacking);
                    reachParents(reached, block, lacking, lowest);
                }
            });
        }
        return byPeer(lacked, lackedBy);
    }

    private static void reachParents(TreeMap<Long, Map<BlockReference, long[]>> reached, Block block, long[] peers,
            long lowest) {
        for (BlockReference parent : block.parents()) {
            if (parent.round() >= lowest) {
                long[] reachedBy = reached.computeIfAbsent(parent.round(), round -> new HashMap<>())
                        .computeIfAbsent(parent, p -> new long[peers.length]);
                for (int i = 0; i < peers.length; i++) {
                    reachedBy[i] |= peers[i];
                }
            }
        }
    }

    private List<List<Block>> byPeer(List<Block> blocks, List<long[]> lackedBy) {
        Integer[] order = new Integer[blocks.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> blocks.get(a).reference().compareTo(blocks.get(b).reference()));
        List<List<Block>> byPeer = new ArrayList<>();
        for (int peer = 0; peer < committeeSize; peer++) {
            byPeer.add(new ArrayList<>());
        }
        for (int i : order) {
            long[] peers = lackedBy.get(i);
            for (int peer = 0; peer < committeeSize; peer++) {
                if (KnownHolders.includes(peers, peer)) {
                    byPeer.get(peer).add(blocks.get(i));
                }
            }
        }
        return byPeer;
    }
}
