package starfish.node.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShardedPayloadTest {

    private final Random random = new Random(42);

    @ParameterizedTest
    @ValueSource(ints = {4, 10, 31, 100})
    void everyShardVerifiesAndAnyFPlusOneRebuildTheSamePayloadAndRoot(int n) throws Exception {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(n);
        byte[] payload = randomBytes(5000);
        ShardedPayload sharded = ShardedPayload.encode(coder, payload);
        byte[] root = sharded.root();

        assertThat(sharded.shardCount()).isEqualTo(n);
        List<Shard> received = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Shard shard = sharded.shard(i);
            byte[] proofOnWire = sharded.proof(i).encode();
            assertThat(shard.index()).isEqualTo(i);
            assertThat(MerkleTree.verify(root, i, n, shard.data(), MerkleProof.decode(proofOnWire))).isTrue();
            received.add(shard);
        }
        Collections.shuffle(received, random);

        ShardedPayload rebuilt = ShardedPayload.rebuild(coder, root, received.subList(0, coder.dataShards()));
        assertThat(rebuilt.payload()).isEqualTo(ByteBuffer.wrap(payload));
        assertThat(rebuilt.root()).isEqualTo(root);
        assertThat(rebuilt.proof(n - 1)).isEqualTo(sharded.proof(n - 1));
    }

    @Test
    void aRootThatDoesNotMatchThePayloadIsRejected() {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(10);
        ShardedPayload sharded = ShardedPayload.encode(coder, randomBytes(100));
        byte[] otherRoot = ShardedPayload.encode(coder, randomBytes(100)).root();
        List<Shard> shards = List.of(sharded.shard(0), sharded.shard(4), sharded.shard(7), sharded.shard(9));

        assertThatThrownBy(() -> ShardedPayload.rebuild(coder, otherRoot, shards))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("Merkle root");
    }

    /**
     * A Byzantine author commits (by Merkle root) to shards that are not one codeword. Shards that verify against that
     * root must lead every honest validator to the same verdict, whichever f+1 of them it happens to hold.
     */
    @Test
    void anInconsistentEncodingIsRejectedWhicheverShardsAreUsed() throws Exception {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(10); // k = 4
        byte[][] shards = coder.encode(randomBytes(1000));
        shards[9][0] ^= 1; // a parity shard that no longer matches the data
        MerkleTree committed = MerkleTree.build(shards);
        byte[] root = committed.root();
        List<Shard> all = ReedSolomonCoderTest.asShards(shards);
        for (Shard shard : all) {
            assertThat(MerkleTree.verify(root, shard.index(), 10, shard.data(), committed.proof(shard.index())))
                    .isTrue();
        }

        List<Shard> withoutBadShard = all.subList(0, 4);
        List<Shard> withBadShard = List.of(all.get(1), all.get(3), all.get(6), all.get(9));
        assertThat(coder.decode(withoutBadShard)).as("the data shards alone decode fine").isNotNull();
        assertThatThrownBy(() -> ShardedPayload.rebuild(coder, root, withoutBadShard))
                .isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> ShardedPayload.rebuild(coder, root, withBadShard))
                .isInstanceOf(InvalidEncodingException.class);
    }

    @Test
    void shardAccessOutsideTheCodewordIsRejected() {
        ShardedPayload sharded = ShardedPayload.encode(ReedSolomonCoder.forCommittee(4), new byte[0]);

        assertThatThrownBy(() -> sharded.shard(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sharded.proof(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void aBufferIsEncodedFromItsPositionWithoutMovingIt() {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(4);
        byte[] payload = randomBytes(1000);
        ByteBuffer framed = ByteBuffer.allocate(1010).position(7).put(payload).flip().position(7);

        ShardedPayload fromBuffer = ShardedPayload.encode(coder, framed);

        assertThat(framed.position()).isEqualTo(7);
        assertThat(fromBuffer.root()).isEqualTo(ShardedPayload.encode(coder, payload).root());
        assertThat(fromBuffer.payload()).isEqualTo(ByteBuffer.wrap(payload));
    }
}
