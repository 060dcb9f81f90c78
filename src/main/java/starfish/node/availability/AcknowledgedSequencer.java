package starfish.node.availability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.TreeMap;
import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.RoundMap;

/**
 * Decides which committed blocks' transactions are sequenced with which leader, and holds leaders back until their
 * data is decoded. Acknowledgements count only from committed blocks, so every honest validator reaches the same
 * decision: after a leader's sub-DAG, each linearized block whose data a quorum acknowledged (and that was not
 * sequenced before) is sequenced with that leader, in reference order. A quorum of acknowledgements means at least
 * f+1 honest validators hold the data, so waiting for it ends. Blocks that never gather a quorum are dropped with
 * the linearizer's gc floor (the same rule everywhere).
 */
final class AcknowledgedSequencer {

    private record Pending(Block leader, List<Block> linearized, List<Block> toSequence) {
    }

    private final Committee committee;
    private final int gcDepth;
    private final RoundMap<StakeAggregator> acknowledgements = new RoundMap<>();
    private final TreeMap<BlockReference, Block> awaitingQuorum = new TreeMap<>();
    private final Deque<Pending> queue = new ArrayDeque<>();

    AcknowledgedSequencer(Committee committee, int gcDepth) {
        this.committee = committee;
        this.gcDepth = gcDepth;
    }

    void committed(CommittedSubDag linearized) {
        long floor = linearized.leader().round() - gcDepth;
        for (Block block : linearized.blocks()) {
            awaitingQuorum.put(block.reference(), block);
            for (BlockReference acknowledged : block.acknowledgements()) {
                if (acknowledged.round() >= floor) {
                    acknowledgements.computeIfAbsent(acknowledged, r -> new StakeAggregator(committee))
                            .add(block.author());
                }
            }
        }
        List<Block> toSequence = new ArrayList<>();
        for (Iterator<Block> it = awaitingQuorum.values().iterator(); it.hasNext(); ) {
            Block block = it.next();
            StakeAggregator stake = acknowledgements.get(block.reference());
            if (stake != null && stake.reachedQuorum()) {
                toSequence.add(block);
                it.remove();
            }
        }
        queue.add(new Pending(linearized.leader(), linearized.blocks(), toSequence));
        awaitingQuorum.headMap(new BlockReference(0, floor, Digest.ZERO)).clear();
        acknowledgements.removeBelow(floor);
    }

    /** The leaders at the head of the queue whose data is all resolved, with their transactions, in order. */
    List<CommittedSubDag> drain(HeldData data) {
        List<CommittedSubDag> ready = new ArrayList<>();
        while (!queue.isEmpty() && queue.peek().toSequence().stream().allMatch(b -> data.isResolved(b.reference()))) {
            Pending head = queue.poll();
            List<Block> sequenced = new ArrayList<>();
            for (Block block : head.toSequence()) {
                sequenced.add(block.withPayload(data.transactions(block.reference())));
            }
            ready.add(new CommittedSubDag(head.leader(), head.linearized(), sequenced));
        }
        return ready;
    }

    /** The state to checkpoint: empty while a leader waits for data (its queue is not part of a checkpoint). */
    Optional<SequencingState> snapshot() {
        if (!queue.isEmpty()) {
            return Optional.empty();
        }
        SortedMap<BlockReference, List<Integer>> acknowledgers = new TreeMap<>();
        acknowledgements.asMap().forEach((reference, stake) -> acknowledgers.put(reference, stake.authorities()));
        return Optional.of(new SequencingState(List.copyOf(awaitingQuorum.keySet()), acknowledgers));
    }

    /** Resumes from a checkpoint: `blocks` finds the committed blocks still awaiting a quorum. */
    void restore(SequencingState state, Function<BlockReference, Block> blocks) {
        queue.clear();
        awaitingQuorum.clear();
        acknowledgements.clear();
        for (BlockReference reference : state.awaitingQuorum()) {
            Block block = blocks.apply(reference);
            if (block == null) {
                throw new IllegalStateException("the checkpoint names block " + reference + ", which is not stored");
            }
            awaitingQuorum.put(reference, block);
        }
        state.acknowledgers().forEach((reference, authors) -> {
            StakeAggregator stake = new StakeAggregator(committee);
            authors.forEach(stake::add);
            acknowledgements.put(reference, stake);
        });
    }

    /** The lowest round of a block queued for sequencing (its data must be kept), Long.MAX_VALUE when none. */
    long oldestQueuedRound() {
        long oldest = Long.MAX_VALUE;
        for (Pending pending : queue) {
            for (Block block : pending.toSequence()) {
                oldest = Math.min(oldest, block.round());
            }
        }
        return oldest;
    }

    /** Blocks queued for sequencing whose data is not here yet, head of the queue first. */
    Set<BlockReference> missing(HeldData data) {
        Set<BlockReference> missing = new LinkedHashSet<>();
        for (Pending pending : queue) {
            for (Block block : pending.toSequence()) {
                if (!data.isResolved(block.reference())) {
                    missing.add(block.reference());
                }
            }
        }
        return missing;
    }
}
