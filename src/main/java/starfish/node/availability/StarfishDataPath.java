package starfish.node.availability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Map;
import java.util.Set;
import starfish.node.config.Committee;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.PayloadCoding;
import starfish.node.dissemination.BlockResponder;
import starfish.node.dissemination.Forwarding;
import starfish.node.net.Message;
import starfish.node.net.RandomPeers;
import starfish.node.net.Transport;

/**
 * The Starfish data path: own transactions are erasure-coded under a Merkle root, received data and shards are
 * held (and acknowledged in own blocks), committed blocks are sequenced once acknowledged by a quorum and decoded,
 * and data a committed block still lacks is requested, first from its author, then from random peers. Forwarded
 * blocks carry this validator's own shard ({@link #forwarding()}).
 */
public final class StarfishDataPath implements DataPath {

    private final HeldData held;
    private final AcknowledgedSequencer sequencer;
    private final int self;
    private final RandomPeers peers;
    private final long retryNanos;
    private final Map<BlockReference, Long> requestedAt = new HashMap<>();
    private Transport network;
    private BlockResponder responder;

    public StarfishDataPath(Committee committee, PayloadCoding coding, ShardedPayloadCheck check, int self,
            int gcDepth, long retryMs, RandomPeers peers) {
        this.held = new HeldData(coding, self, check::takeVerified);
        this.sequencer = new AcknowledgedSequencer(committee, gcDepth);
        this.self = self;
        this.peers = peers;
        this.retryNanos = retryMs * 1_000_000L;
    }

    /** Connects the path to the network it answers and asks on (built after the path, which it verifies with). */
    public void connect(Transport value, BlockResponder blockResponder) {
        this.network = value;
        this.responder = blockResponder;
    }

    /** Blocks of other authors travel with this validator's own shard, or with no data when it holds none. */
    public Forwarding forwarding() {
        return block -> block.author() == self ? block
                : block.withPayload(new ShardPayload(held.ownShard(block.reference())));
    }

    @Override
    public Digest commit(Transactions transactions) {
        return held.commit(transactions);
    }

    @Override
    public List<BlockReference> acknowledgements(long round) {
        return held.takeNewlyHeld(round);
    }

    @Override
    public void received(List<Block> blocks) {
        blocks.forEach(held::offer);
    }

    @Override
    public void dataRequested(int peer, List<BlockReference> references) {
        List<Block> answers = new ArrayList<>();
        for (BlockReference reference : references) {
            Block block = held.withFullData(reference);
            if (block != null) {
                answers.add(block);
            }
        }
        responder.send(peer, answers, Message.BlockResponse::new);
    }

    @Override
    public List<CommittedSubDag> committed(CommittedSubDag linearized) {
        sequencer.committed(linearized);
        return sequencer.drain(held);
    }

    @Override
    public List<CommittedSubDag> poll(long nowNanos) {
        List<CommittedSubDag> ready = sequencer.drain(held);
        requestMissing(sequencer.missing(held), nowNanos);
        return ready;
    }

    private void requestMissing(Set<BlockReference> missing, long nowNanos) {
        requestedAt.keySet().retainAll(missing);
        Map<Integer, List<BlockReference>> byPeer = new HashMap<>();
        for (BlockReference reference : missing) {
            Long at = requestedAt.get(reference);
            if (at != null && nowNanos - at < retryNanos) {
                continue;
            }
            int peer = at == null && reference.author() != self ? reference.author() : peers.next();
            byPeer.computeIfAbsent(peer, p -> new ArrayList<>()).add(reference);
            requestedAt.put(reference, nowNanos);
        }
        byPeer.forEach((peer, references) -> network.send(peer, new Message.DataRequest(references)));
    }

    @Override
    public Optional<SequencingState> snapshot() {
        return sequencer.snapshot();
    }

    @Override
    public void restore(SequencingState state, Function<BlockReference, Block> blocks) {
        sequencer.restore(state, blocks);
    }

    @Override
    public void garbageCollectBelow(long round) {
        held.garbageCollectBelow(Math.min(round, sequencer.oldestQueuedRound()));
    }
}
