package starfish.node.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockStore;
import starfish.node.dag.Transactions;

class PeerKnowledgeTest {

    private static final int COMMITTEE = 5;

    private final SplittableRandom random = new SplittableRandom(11);
    private final BlockStore store = new BlockStore();
    private final List<Block> blocks = new ArrayList<>();

    /** What each peer holds, as hash sets, and the walk of one peer at a time. */
    private final class Model {
        final List<Set<BlockReference>> known = new ArrayList<>();
        long floor = Long.MIN_VALUE;

        Model() {
            for (int peer = 0; peer < COMMITTEE; peer++) {
                known.add(new HashSet<>());
            }
        }

        List<Block> unknownHistory(int peer, List<Block> roots, long asked) {
            floor = Math.max(floor, asked);
            known.forEach(references -> references.removeIf(reference -> reference.round() < floor));
            List<Block> unknown = new ArrayList<>();
            Deque<Block> frontier = new ArrayDeque<>(roots);
            while (!frontier.isEmpty()) {
                for (BlockReference parent : frontier.poll().parents()) {
                    if (parent.round() < Math.max(1, asked) || !known.get(peer).add(parent)) {
                        continue;
                    }
                    Block parentBlock = store.get(parent);
                    if (parentBlock != null) {
                        unknown.add(parentBlock);
                        frontier.add(parentBlock);
                    }
                }
            }
            unknown.sort((a, b) -> a.reference().compareTo(b.reference()));
            return unknown;
        }
    }

    @Test
    void oneWalkForAllPeersSendsEachPeerWhatAWalkOfItsOwnWould() {
        buildDag(14);
        PeerKnowledge knowledge = new PeerKnowledge(store, COMMITTEE);
        Model model = new Model();
        for (int step = 0; step < 3_000; step++) {
            int peer = random.nextInt(COMMITTEE);
            switch (random.nextInt(3)) {
                case 0 -> {
                    List<Block> pushed = List.of(anyBlock(), anyBlock());
                    knowledge.received(peer, pushed);
                    pushed.forEach(block -> {
                        model.known.get(peer).add(block.reference());
                        model.known.get(peer).addAll(block.parents());
                    });
                }
                case 1 -> {
                    BlockReference sent = anyBlock().reference();
                    knowledge.sent(peer, sent);
                    model.known.get(peer).add(sent);
                }
                default -> {
                    List<Block> roots = List.of(anyBlock(), anyBlock());
                    long floor = random.nextLong(-2, 10);
                    long[] peers = knowledge.noPeers();
                    List<Integer> asked = new ArrayList<>();
                    for (int p = 0; p < COMMITTEE; p++) {
                        if (random.nextBoolean()) {
                            KnownHolders.include(peers, p);
                            asked.add(p);
                        }
                    }
                    List<List<Block>> unknown = knowledge.unknownHistories(roots, floor, peers);
                    for (int p = 0; p < COMMITTEE; p++) {
                        List<Block> expected = asked.contains(p) ? model.unknownHistory(p, roots, floor) : List.of();
                        assertThat(unknown.get(p)).as("step %d, peer %d", step, p).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void aPeerThatHoldsTheParentsOfItsPushedBlockIsSentOnlyWhatItLacks() {
        buildDag(3);
        PeerKnowledge knowledge = new PeerKnowledge(store, COMMITTEE);
        Block top = blocks.get(blocks.size() - 1);
        Block pushedByPeer = store.get(top.parents().get(0));
        knowledge.received(1, List.of(pushedByPeer));

        long[] peers = knowledge.noPeers();
        KnownHolders.include(peers, 1);
        KnownHolders.include(peers, 2);
        List<List<Block>> unknown = knowledge.unknownHistories(List.of(top), 1, peers);

        assertThat(unknown.get(1)).doesNotContain(pushedByPeer).isNotEmpty();
        assertThat(unknown.get(2)).contains(pushedByPeer).hasSizeGreaterThan(unknown.get(1).size());
        assertThat(unknown.get(0)).isEmpty();
    }

    /** Rounds 1.. of blocks with random parents among the earlier rounds, with some equivocations. */
    private void buildDag(int rounds) {
        List<Block> previous = new ArrayList<>();
        for (long round = 1; round <= rounds; round++) {
            List<Block> current = new ArrayList<>();
            for (int author = 0; author < COMMITTEE; author++) {
                int copies = random.nextInt(10) == 0 ? 2 : 1;
                for (int copy = 0; copy < copies; copy++) {
                    Block block = block(author, round, parents(previous));
                    store.add(block);
                    blocks.add(block);
                    current.add(block);
                }
            }
            previous.addAll(current);
        }
    }

    private List<BlockReference> parents(List<Block> earlier) {
        List<BlockReference> parents = new ArrayList<>();
        for (Block candidate : earlier) {
            if (random.nextInt(3) == 0) {
                parents.add(candidate.reference());
            }
        }
        return parents;
    }

    private Block block(int author, long round, List<BlockReference> parents) {
        byte[] digest = new byte[Digest.LENGTH];
        random.nextBytes(digest);
        return new Block(new BlockReference(author, round, new Digest(digest)), 0, parents, List.of(), Digest.ZERO,
                new byte[0], Transactions.EMPTY);
    }

    private Block anyBlock() {
        return blocks.get(random.nextInt(blocks.size()));
    }
}
