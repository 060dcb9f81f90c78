package starfish.node.availability;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import starfish.node.crypto.Digest;
import starfish.node.dag.Block;
import starfish.node.dag.BlockPayload;
import starfish.node.dag.BlockReference;
import starfish.node.dag.RoundMap;
import starfish.node.dag.RoundSet;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.InvalidEncodingException;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ProvenShard;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.Shard;
import starfish.node.data.ShardedPayload;

/**
 * The transaction data this validator holds per block: the full data (from the author, or rebuilt once enough
 * verified shards arrived) with its shards, and the shards collected so far otherwise. A block whose author's
 * shards decode to no valid payload is resolved as carrying no transactions (every honest validator rebuilds the
 * same bytes, so they all agree). Payloads reaching here were verified against their header's root.
 */
final class HeldData {

    /**
     * Full data of one block, ready to sequence and to serve, with this validator's shard to hand out. The other
     * shards are not kept: they would triple the memory the data takes for the whole garbage-collection window.
     */
    private record Held(Block header, ProvenShard ownShard, Transactions transactions) {
    }

    private final ReedSolomonCoder coder;
    private final PayloadCoding coding;
    private final int self;
    private final RoundMap<Held> full = new RoundMap<>();
    private final RoundSet undecodable = new RoundSet();
    private final RoundMap<Map<Integer, Shard>> partial = new RoundMap<>();
    private final Map<Digest, ShardedPayload> ownEncodings = new HashMap<>();
    private final List<BlockReference> newlyHeld = new ArrayList<>();

    private final Function<Digest, ShardedPayload> verifiedEncodings;

    HeldData(PayloadCoding coding, int self, Function<Digest, ShardedPayload> verifiedEncodings) {
        this.coder = coding.coder();
        this.coding = coding;
        this.self = self;
        this.verifiedEncodings = verifiedEncodings;
    }

    /** Encodes own transactions; the encoding is kept for the block that commits to its root. */
    Digest commit(Transactions transactions) {
        ShardedPayload encoded = coding.encode(transactions.bytes());
        Digest root = new Digest(encoded.root());
        ownEncodings.put(root, encoded);
        return root;
    }

    void offer(Block block) {
        BlockReference reference = block.reference();
        if (isResolved(reference)) {
            return;
        }
        BlockPayload payload = block.payload();
        if (payload instanceof Transactions transactions) {
            ShardedPayload encoded = ownEncodings.remove(block.payloadCommitment());
            if (encoded == null) {
                encoded = verifiedEncodings.apply(block.payloadCommitment());
            }
            if (encoded == null) {
                encoded = coding.encode(transactions.bytes(), block.payloadCommitment());
            }
            hold(block, encoded, transactions);
        } else if (payload instanceof ShardPayload shardPayload && shardPayload.shard() != null) {
            Map<Integer, Shard> shards = partial.computeIfAbsent(reference, r -> new HashMap<>());
            Shard shard = shardPayload.shard().shard();
            shards.putIfAbsent(shard.index(), shard);
            if (shards.size() >= coder.dataShards()) {
                rebuild(block, new ArrayList<>(shards.values()));
            }
        }
    }

    private void rebuild(Block block, List<Shard> shards) {
        partial.remove(block.reference());
        try {
            ShardedPayload encoded = coding.rebuild(block.payloadCommitment(), shards);
            Transactions transactions = framed(encoded.payload());
            if (transactions == null) {
                undecodable.add(block.reference());
            } else {
                hold(block, encoded, transactions);
            }
        } catch (InvalidEncodingException e) {
            undecodable.add(block.reference());
        }
    }

    private void hold(Block block, ShardedPayload encoded, Transactions transactions) {
        Block header = block.withPayload(ShardPayload.NONE);
        full.put(block.reference(), new Held(header, encoded.provenShard(self), transactions));
        partial.remove(block.reference());
        newlyHeld.add(block.reference());
    }

    /** Sequenceable: the data is here, or known to be no valid encoding. */
    boolean isResolved(BlockReference reference) {
        return full.containsKey(reference) || undecodable.contains(reference);
    }

    /** The block's transactions once resolved (none for an undecodable block). */
    Transactions transactions(BlockReference reference) {
        Held held = full.get(reference);
        return held == null ? Transactions.EMPTY : held.transactions();
    }

    /** The block with its full data, as sent to a validator that asks for it; null when not held. */
    Block withFullData(BlockReference reference) {
        Held held = full.get(reference);
        return held == null ? null : held.header().withPayload(held.transactions());
    }

    /** This validator's own shard of the block with its proof, or null when it does not hold the data. */
    ProvenShard ownShard(BlockReference reference) {
        Held held = full.get(reference);
        return held == null ? null : held.ownShard();
    }

    /** Blocks whose full data arrived since the last call, below `round`; later ones stay for the next call. */
    List<BlockReference> takeNewlyHeld(long round) {
        List<BlockReference> taken = new ArrayList<>();
        newlyHeld.removeIf(reference -> reference.round() < round && taken.add(reference));
        return taken;
    }

    void garbageCollectBelow(long round) {
        full.removeBelow(round);
        undecodable.removeBelow(round);
        partial.removeBelow(round);
        newlyHeld.removeIf(reference -> reference.round() < round);
        if (ownEncodings.size() > 16) {
            ownEncodings.clear(); // encodings of own blocks that were never signed (a failed proposal)
        }
    }

    /** Transactions from decoded bytes, or null when they are not a well-formed transaction list. */
    private static Transactions framed(ByteBuffer bytes) {
        ByteBuffer buffer = bytes.duplicate();
        int count = 0;
        while (buffer.remaining() >= 4) {
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                return null;
            }
            buffer.position(buffer.position() + length);
            count++;
        }
        return buffer.hasRemaining() ? null : new Transactions(bytes, count);
    }
}
