package starfish.node.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProvenShardTest {

    private final Random random = new Random(3);
    private final ShardedPayload sharded = ShardedPayload.encode(ReedSolomonCoder.forCommittee(10), randomBytes(999));

    @Test
    void aForwardedShardSurvivesTheWireAndVerifiesOnlyAgainstItsOwnRoot() {
        ProvenShard sent = sharded.provenShard(7);
        ProvenShard received = ProvenShard.decode(sent.encode());

        assertThat(received).isEqualTo(sent);
        assertThat(sent.encode()).hasSize(sent.encodedLength());
        assertThat(received.verify(sharded.root(), 10)).isTrue();
        assertThat(received.verify(ShardedPayload.encode(ReedSolomonCoder.forCommittee(10), randomBytes(999)).root(),
                10)).isFalse();
        ProvenShard relabelled = new ProvenShard(new Shard(6, received.shard().data()), received.proof());
        assertThat(relabelled.verify(sharded.root(), 10)).isFalse();
    }

    @Test
    void readLeavesTheBufferJustAfterTheShard() {
        ProvenShard sent = sharded.provenShard(0);
        ByteBuffer frame = ByteBuffer.allocate(sent.encodedLength() + 1);
        sent.write(frame);
        frame.put((byte) 42).flip();

        assertThat(ProvenShard.read(frame)).isEqualTo(sent);
        assertThat(frame.get()).isEqualTo((byte) 42);
    }

    @Test
    void malformedEncodingsAreRejectedWithAClearException() {
        byte[] valid = sharded.provenShard(3).encode();
        int shardBytes = sharded.shard(3).data().length;

        assertThatThrownBy(() -> ProvenShard.decode(new byte[5]))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("header needs 6 bytes, only 5");
        assertThatThrownBy(() -> ProvenShard.decode(withBytes(valid, 0, 0x01, 0x00)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("shard index 256");
        assertThatThrownBy(() -> ProvenShard.decode(withBytes(valid, 2, 0, 0, 0, 0)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("declares 0 bytes");
        assertThatThrownBy(() -> ProvenShard.decode(withBytes(valid, 2, 0x7F, 0, 0, 0)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("declares 2130706432 bytes");
        assertThatThrownBy(() -> ProvenShard.decode(withBytes(valid, 2, 0xFF, 0xFF, 0xFF, 0xFF)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("declares -1 bytes");
        assertThatThrownBy(() -> ProvenShard.decode(Arrays.copyOf(valid, 6 + shardBytes)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("no depth byte");
        assertThatThrownBy(() -> ProvenShard.decode(Arrays.copyOf(valid, valid.length - 1)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("Merkle proof of depth 4");
        assertThatThrownBy(() -> ProvenShard.decode(Arrays.copyOf(valid, valid.length + 2)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("2 trailing bytes");
    }

    @Test
    void truncatedOrCorruptedFramesNeverEscapeAsAnotherException() {
        byte[] valid = sharded.provenShard(5).encode();
        for (int trial = 0; trial < 3000; trial++) {
            byte[] mutated = Arrays.copyOf(valid, 1 + random.nextInt(valid.length + 8));
            mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
            try {
                ProvenShard.decode(mutated);
            } catch (MalformedDataException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static byte[] withBytes(byte[] bytes, int offset, int... replacement) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < replacement.length; i++) {
            copy[offset + i] = (byte) replacement[i];
        }
        return copy;
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
