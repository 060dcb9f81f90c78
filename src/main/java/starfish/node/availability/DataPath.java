package starfish.node.availability;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.Transactions;

/**
 * Where transaction data lives between a block's proposal and its sequencing. Full-data protocols carry the data in
 * every block, so a committed sub-DAG is sequenced at once; the Starfish family erasure-codes it, acknowledges it,
 * fetches what is missing and sequences a block's transactions once a quorum acknowledged them and they are decoded.
 * Called on the core thread only.
 */
public interface DataPath {

    /** The payload commitment an own block's header carries for these transactions. */
    Digest commit(Transactions transactions);

    /** What an own block of `round` acknowledges (data this validator holds and has not acknowledged yet). */
    List<BlockReference> acknowledgements(long round);

    /** Blocks arrived from a peer, or this validator proposed one: take the data they carry. */
    void received(List<Block> blocks);

    /** A peer asks for the data of these blocks. */
    void dataRequested(int peer, List<BlockReference> references);

    /** A committed leader's linearized sub-DAG; returns what can be sequenced now, in sequence order. */
    List<CommittedSubDag> committed(CommittedSubDag linearized);

    /** What became sequenceable since the last call (data arrived); asks peers for data still missing. */
    List<CommittedSubDag> poll(long nowNanos);

    void garbageCollectBelow(long round);

    /** The sequencing state to checkpoint; empty while a committed leader still waits for its data. */
    Optional<SequencingState> snapshot();

    /** Resumes from a checkpointed state; `blocks` finds the (stored) blocks it names. */
    void restore(SequencingState state, Function<BlockReference, Block> blocks);

    /** Mysticeti and cordial-miners: the data is in the block, nothing waits. */
    DataPath FULL_DATA = new DataPath() {
        @Override
        public Digest commit(Transactions transactions) {
            return transactions.commitment();
        }

        @Override
        public List<BlockReference> acknowledgements(long round) {
            return List.of();
        }

        @Override
        public void received(List<Block> blocks) {
        }

        @Override
        public void dataRequested(int peer, List<BlockReference> references) {
        }

        @Override
        public List<CommittedSubDag> committed(CommittedSubDag linearized) {
            return List.of(linearized);
        }

        @Override
        public List<CommittedSubDag> poll(long nowNanos) {
            return List.of();
        }

        @Override
        public void garbageCollectBelow(long round) {
        }

        @Override
        public Optional<SequencingState> snapshot() {
            return Optional.of(SequencingState.EMPTY);
        }

        @Override
        public void restore(SequencingState state, Function<BlockReference, Block> blocks) {
        }
    };
}
