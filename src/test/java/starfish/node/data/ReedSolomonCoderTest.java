package starfish.node.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReedSolomonCoderTest {

    private final Random random = new Random(20251125);

    @Test
    void anyKShardsRebuildThePayloadForEveryCommitteeSizeFrom4To100() throws Exception {
        for (int n = 4; n <= 100; n++) {
            ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(n);
            int k = (n - 1) / 3 + 1;
            assertThat(coder.dataShards()).isEqualTo(k);
            assertThat(coder.totalShards()).isEqualTo(n);
            for (int size : new int[] {0, 1, 2 * k + 1, 4099}) {
                byte[] payload = randomBytes(size);
                List<Shard> shards = asShards(coder.encode(payload));
                assertThat(shards).allSatisfy(s -> assertThat(s.data()).hasSize(coder.shardSize(size)));
                String context = "n=" + n + " size=" + size;
                assertThat(coder.decode(shards.subList(0, k))).as(context + " first k").isEqualTo(payload);
                assertThat(coder.decode(shards.subList(n - k, n))).as(context + " last k").isEqualTo(payload);
                for (int trial = 0; trial < 2; trial++) {
                    assertThat(coder.decode(randomSubset(shards, k))).as(context + " random k").isEqualTo(payload);
                }
            }
        }
    }

    @Test
    void everySubsetOfKShardsRebuildsThePayloadForSmallCommittees() throws Exception {
        for (int n = 4; n <= 13; n++) {
            ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(n);
            byte[] payload = randomBytes(97);
            List<Shard> shards = asShards(coder.encode(payload));
            for (int mask = 0; mask < 1 << n; mask++) {
                if (Integer.bitCount(mask) == coder.dataShards()) {
                    int chosen = mask;
                    List<Shard> subset = shards.stream().filter(s -> (chosen & 1 << s.index()) != 0).toList();
                    assertThat(coder.decode(subset)).as("n=%d subset %s", n, Integer.toBinaryString(mask))
                            .isEqualTo(payload);
                }
            }
        }
    }

    @Test
    void dataShardsAreTheFramedPayloadItself() {
        ReedSolomonCoder coder = new ReedSolomonCoder(3, 7);
        byte[] payload = {10, 20, 30, 40, 50};
        byte[][] shards = coder.encode(payload);

        // 4-byte length + 5 bytes = 9 bytes = 3 shards of 3 bytes, no padding
        assertThat(shards[0]).containsExactly(0, 0, 0);
        assertThat(shards[1]).containsExactly(5, 10, 20);
        assertThat(shards[2]).containsExactly(30, 40, 50);
    }

    @Test
    void emptyPayloadStillHasOneByteShards() throws Exception {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(100);
        byte[][] shards = coder.encode(new byte[0]);

        assertThat(asShards(shards)).hasSize(100).allSatisfy(shard -> assertThat(shard.data()).hasSize(1));
        assertThat(coder.decode(asShards(shards).subList(66, 100))).isEmpty();
    }

    @Test
    void moreThanKShardsInAnyOrderAreAccepted() throws Exception {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(10);
        byte[] payload = randomBytes(1000);
        List<Shard> shards = asShards(coder.encode(payload));
        Collections.shuffle(shards, random);

        assertThat(coder.decode(shards)).isEqualTo(payload);
        assertThat(coder.decode(shards.subList(0, 7))).isEqualTo(payload);
    }

    @Test
    void repeatedIndexSetsDecodeCorrectlyFromTheCachedInverse() throws Exception {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(31);
        for (int round = 0; round < 3; round++) {
            byte[] payload = randomBytes(777 + round);
            List<Shard> shards = asShards(coder.encode(payload));
            assertThat(coder.decode(shards.subList(20, 31))).isEqualTo(payload);
        }
    }

    @Test
    void fewerThanKShardsFailClearly() {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(10);
        List<Shard> shards = asShards(coder.encode(randomBytes(100)));

        assertThatThrownBy(() -> coder.decode(shards.subList(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 4 shards, got 3");
        assertThatThrownBy(() -> coder.decode(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 4 shards, got 0");
    }

    @Test
    void duplicateIndicesAreRejected() {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(10);
        List<Shard> shards = asShards(coder.encode(randomBytes(100)));
        List<Shard> withDuplicate = List.of(shards.get(1), shards.get(5), shards.get(8), shards.get(5));

        assertThatThrownBy(() -> coder.decode(withDuplicate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate shard index 5");
    }

    @Test
    void indexOutsideTheCodewordIsRejected() {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(4);
        byte[][] encoded = coder.encode(randomBytes(10));
        List<Shard> shards = List.of(new Shard(0, encoded[0]), new Shard(4, encoded[1]));

        assertThatThrownBy(() -> coder.decode(shards))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard index 4 out of range 0..3");
        assertThatThrownBy(() -> new Shard(-1, new byte[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shardsOfUnequalSizeAreAnInvalidEncoding() {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(4);
        byte[][] encoded = coder.encode(randomBytes(10));
        List<Shard> shards = List.of(new Shard(0, encoded[0]), new Shard(2, new byte[encoded[2].length + 1]));

        assertThatThrownBy(() -> coder.decode(shards))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("differ in size");
    }

    @Test
    void corruptLengthHeaderIsAnInvalidEncoding() {
        ReedSolomonCoder coder = new ReedSolomonCoder(2, 4);
        byte[][] encoded = coder.encode(randomBytes(10));
        encoded[0][0] = 1; // length becomes 2^24 + 10, far beyond the 14 coded bytes

        assertThatThrownBy(() -> coder.decode(asShards(encoded).subList(0, 2)))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("length header");
    }

    @Test
    void lengthHeaderInconsistentWithShardSizeIsAnInvalidEncoding() {
        ReedSolomonCoder coder = new ReedSolomonCoder(2, 4);
        byte[][] encoded = coder.encode(randomBytes(20)); // shards of 12 bytes
        encoded[0][3] = 2; // claims 2 bytes, which would have been encoded into 3-byte shards

        assertThatThrownBy(() -> coder.decode(asShards(encoded).subList(0, 2)))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("length header 2");
    }

    @Test
    void nonZeroPaddingIsAnInvalidEncoding() {
        ReedSolomonCoder coder = new ReedSolomonCoder(2, 4);
        byte[][] encoded = coder.encode(randomBytes(9)); // 13 coded bytes in 2 x 7: one byte of padding
        encoded[1][6] = 1;

        assertThatThrownBy(() -> coder.decode(asShards(encoded).subList(0, 2)))
                .isInstanceOf(InvalidEncodingException.class)
                .hasMessage("non-zero padding at byte 13 of the decoded data");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 255, 256})
    void supportsTheWholeFieldRange(int n) throws Exception {
        ReedSolomonCoder coder = ReedSolomonCoder.forCommittee(n);
        byte[] payload = randomBytes(300);
        List<Shard> shards = asShards(coder.encode(payload));

        assertThat(coder.decode(shards.subList(n - coder.dataShards(), n))).isEqualTo(payload);
    }

    @Test
    void rejectsImpossibleGeometries() {
        assertThatThrownBy(() -> new ReedSolomonCoder(3, 257)).hasMessageContaining("totalShards=257");
        assertThatThrownBy(() -> new ReedSolomonCoder(5, 4)).hasMessageContaining("dataShards=5");
        assertThatThrownBy(() -> new ReedSolomonCoder(0, 4)).hasMessageContaining("dataShards=0");
        assertThatThrownBy(() -> ReedSolomonCoder.forCommittee(0)).hasMessageContaining("committee size");
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private List<Shard> randomSubset(List<Shard> shards, int size) {
        List<Shard> copy = new ArrayList<>(shards);
        Collections.shuffle(copy, random);
        return copy.subList(0, size);
    }

    static List<Shard> asShards(byte[][] encoded) {
        return new ArrayList<>(IntStream.range(0, encoded.length).mapToObj(i -> new Shard(i, encoded[i])).toList());
    }
}
