package starfish.node.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.TestKeys;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.consensus.CommittedSubDag;
import starfish.node.crypto.Digest;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.ShardPayload;
import starfish.node.dag.Transactions;
import starfish.node.data.MerkleTree;
import starfish.node.data.PayloadCoding;
import starfish.node.data.ProvenShard;
import starfish.node.data.ReedSolomonCoder;
import starfish.node.data.Shard;
import starfish.node.data.ShardedPayload;

/**
 * Sequencing in the Starfish data path, seen from validator 3 of four (quorum 3, any two shards rebuild): a block's
 * transactions wait for a quorum of acknowledgements among committed blocks, and a leader waits for their data.
 */
class AcknowledgedSequencerTest {

    private final ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(4);
    private final List<BlockSigner> signers = new ArrayList<>();
    private final Committee committee;
    private final HeldData held = new HeldData(PayloadCoding.direct(coder), 3, root -> null);
    private final AcknowledgedSequencer sequencer;
    private final List<BlockReference> genesis;

    AcknowledgedSequencerTest() {
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SigningKey key = TestKeys.of(i);
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", 0, 0));
            signers.add(new BlockSigner(i, key));
        }
        committee = new Committee(authorities);
        sequencer = new AcknowledgedSequencer(committee, 50);
        genesis = BlockSigner.genesis(committee).stream().map(Block::reference).toList();
    }

    @Test
    void sequencesABlockWithTheFirstLeaderWhoseHistoryHoldsAQuorumOfAcknowledgementsOnceItsDataIsRebuilt() {
        List<Block> round1 = new ArrayList<>();
        for (int author = 0; author < 4; author++) {
            round1.add(block(author, 1, genesis, List.of(), transactions(author + 1)));
        }
        Block b0 = round1.get(0);
        Block b1 = round1.get(1);
        held.offer(b0); // full data from its author
        ShardedPayload b1Shards = ShardedPayload.encode(coder, b1.transactions().bytes());
        held.offer(b1.withPayload(new ShardPayload(b1Shards.provenShard(0)))); // one forwarded shard only

        List<BlockReference> parents = round1.stream().map(Block::reference).toList();
        Block c1 = block(1, 2, rotate(parents, 1), List.of(b0.reference(), b1.reference()), Transactions.EMPTY);
        sequencer.committed(subDag(c1, round1, c1));
        List<CommittedSubDag> first = sequencer.drain(held);
        // one acknowledgement each: nothing is sequenced yet, and nothing waits
        assertThat(first).singleElement().satisfies(s -> assertThat(s.sequenced()).isEmpty());

        Block c0 = block(0, 2, parents, List.of(b0.reference(), b1.reference()), Transactions.EMPTY);
        Block c2 = block(2, 2, rotate(parents, 2), List.of(b0.reference(), b1.reference(), round1.get(2).reference()),
                Transactions.EMPTY);
        Block d2 = block(2, 3, List.of(c2.reference(), c0.reference(), c1.reference()), List.of(), Transactions.EMPTY);
        sequencer.committed(subDag(d2, List.of(c0, c2), d2));
        assertThat(sequencer.drain(held)).as("b1's data is not decoded yet").isEmpty();
        assertThat(sequencer.missing(held)).containsExactly(b1.reference());

        held.offer(b1.withPayload(new ShardPayload(b1Shards.provenShard(2)))); // a second shard: rebuilt

        List<CommittedSubDag> second = sequencer.drain(held);
        assertThat(second).singleElement().satisfies(s -> {
            assertThat(s.leader()).isEqualTo(d2);
            assertThat(s.sequenced()).extracting(Block::reference).containsExactly(b0.reference(), b1.reference());
            assertThat(s.sequenced()).extracting(b -> b.transactions().count()).containsExactly(1, 2);
        });
        assertThat(held.takeNewlyHeld(2)).as("what validator 3 acknowledges next").containsExactly(b0.reference(), b1.reference());
    }

    @Test
    void aBlockWhoseShardsAreNoValidEncodingIsSequencedWithoutTransactions() {
        byte[][] shards = coder.encode(new byte[] {0, 0, 0, 4, 1, 2, 3, 4});
        shards[3][0] ^= 1; // a parity shard that no payload encodes to
        MerkleTree tree = MerkleTree.build(shards);
        Block bad = signers.get(0).sign(1, 1, genesis, List.of(), transactions(1), new Digest(tree.root()));
        held.offer(bad.withPayload(new ShardPayload(new ProvenShard(new Shard(0, shards[0]), tree.proof(0)))));
        held.offer(bad.withPayload(new ShardPayload(new ProvenShard(new Shard(1, shards[1]), tree.proof(1)))));

        assertThat(held.isResolved(bad.reference())).isTrue();
        assertThat(held.transactions(bad.reference()).count()).isZero();
        assertThat(held.withFullData(bad.reference())).as("nothing to serve").isNull();
    }

    private CommittedSubDag subDag(Block leader, List<Block> history, Block last) {
        List<Block> blocks = new ArrayList<>(history);
        blocks.add(last);
        return new CommittedSubDag(leader, blocks);
    }

    private Block block(int author, long round, List<BlockReference> parents, List<BlockReference> acks,
            Transactions transactions) {
        ShardedPayload encoded = ShardedPayload.encode(coder, transactions.bytes());
        return signers.get(author).sign(round, round, parents, acks, transactions, new Digest(encoded.root()));
    }

    private static List<BlockReference> rotate(List<BlockReference> references, int first) {
        List<BlockReference> ordered = new ArrayList<>(references.subList(first, references.size()));
        ordered.addAll(references.subList(0, first));
        return ordered;
    }

    /** `count` 16-byte transactions. */
    private static Transactions transactions(int count) {
        ByteBuffer data = ByteBuffer.allocate(count * 20);
        for (int i = 0; i < count; i++) {
            data.putInt(16).putLong(1_000L + i).putLong(i);
        }
        return new Transactions(data.flip(), count);
    }
}
