package starfish.node.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MerkleTreeTest {

    private final Random random = new Random(7);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 10, 31, 64, 100, 256})
    void everyLeafVerifiesWithItsOwnProofAndNoOther(int n) {
        byte[][] leaves = randomLeaves(n);
        MerkleTree tree = MerkleTree.build(leaves);
        byte[] root = tree.root();

        assertThat(root).hasSize(MerkleTree.HASH_BYTES);
        for (int i = 0; i < n; i++) {
            MerkleProof proof = tree.proof(i);
            assertThat(proof.depth()).isEqualTo(32 - Integer.numberOfLeadingZeros(n - 1));
            assertThat(MerkleTree.verify(root, i, n, leaves[i], proof)).as("leaf %d of %d", i, n).isTrue();
            if (n > 1) {
                int other = (i + 1 + random.nextInt(n - 1)) % n;
                assertThat(MerkleTree.verify(root, other, n, leaves[i], proof)).as("wrong index").isFalse();
                assertThat(MerkleTree.verify(root, other, n, leaves[other], proof)).as("foreign proof").isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 10, 100})
    void anyFlippedBitInTheLeafOrTheProofIsRejected(int n) {
        byte[][] leaves = randomLeaves(n);
        MerkleTree tree = MerkleTree.build(leaves);
        byte[] root = tree.root();
        for (int i = 0; i < n; i++) {
            byte[] tamperedLeaf = flipRandomBit(leaves[i]);
            assertThat(MerkleTree.verify(root, i, n, tamperedLeaf, tree.proof(i))).as("leaf %d", i).isFalse();

            byte[] encoded = tree.proof(i).encode();
            for (int level = 0; level < tree.proof(i).depth(); level++) {
                byte[] tampered = encoded.clone();
                int bit = random.nextInt(MerkleTree.HASH_BYTES * 8);
                tampered[1 + level * MerkleTree.HASH_BYTES + bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(MerkleTree.verify(root, i, n, leaves[i], MerkleProof.decode(tampered)))
                        .as("leaf %d, sibling at level %d", i, level).isFalse();
            }
        }
    }

    @Test
    void wrongRootWrongLeafCountAndOutOfRangeIndexAreRejected() {
        byte[][] leaves = randomLeaves(10);
        MerkleTree tree = MerkleTree.build(leaves);
        MerkleProof proof = tree.proof(3);

        assertThat(MerkleTree.verify(flipRandomBit(tree.root()), 3, 10, leaves[3], proof)).isFalse();
        assertThat(MerkleTree.verify(tree.root(), 3, 17, leaves[3], proof)).as("deeper tree").isFalse();
        assertThat(MerkleTree.verify(tree.root(), 3, 3, leaves[3], proof)).as("index beyond count").isFalse();
        assertThat(MerkleTree.verify(tree.root(), -1, 10, leaves[3], proof)).isFalse();
        assertThat(MerkleTree.verify(tree.root(), 3, 0, leaves[3], proof)).isFalse();
    }

    @Test
    void anInnerNodeCannotPoseAsALeaf() throws Exception {
        byte[][] leaves = randomLeaves(4);
        MerkleTree tree = MerkleTree.build(leaves);
        // The two children of the root, recomputed from the proof of leaf 0, concatenated: a "leaf" whose plain
        // hash would equal the root without domain separation.
        MerkleProof proofOfLeaf0 = tree.proof(0);
        byte[] leftChild = MerkleTree.build(new byte[][] {leaves[0], leaves[1]}).root();
        byte[] rightChild = proofOfLeaf0.sibling(1);
        byte[] forged = ByteBuffer.allocate(64).put(leftChild).put(rightChild).array();

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 1);
        assertThat(sha256.digest(forged)).as("forgery is the root's preimage without the leaf tag")
                .isEqualTo(tree.root());
        assertThat(MerkleTree.verify(tree.root(), 0, 1, forged, MerkleTree.build(new byte[][] {forged}).proof(0)))
                .isFalse();
    }

    @Test
    void proofsRoundTripThroughTheirEncoding() {
        MerkleTree tree = MerkleTree.build(randomLeaves(100));
        MerkleProof proof = tree.proof(42);
        byte[] encoded = proof.encode();

        assertThat(encoded).hasSize(proof.encodedLength()).hasSize(1 + 7 * 32);
        assertThat(MerkleProof.decode(encoded)).isEqualTo(proof);

        ByteBuffer frame = ByteBuffer.allocate(encoded.length + 3);
        frame.put((byte) 9);
        proof.write(frame);
        frame.put((byte) 8).put((byte) 7).flip();
        frame.get();
        assertThat(MerkleProof.read(frame)).isEqualTo(proof);
        assertThat(frame.remaining()).isEqualTo(2);
    }

    @Test
    void malformedProofEncodingsFailWithAClearException() {
        byte[] valid = MerkleTree.build(randomLeaves(10)).proof(1).encode(); // depth 4

        assertThatThrownBy(() -> MerkleProof.decode(new byte[0]))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("no depth byte");
        assertThatThrownBy(() -> MerkleProof.decode(Arrays.copyOf(valid, valid.length - 1)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("needs 128 hash bytes, only 127");
        assertThatThrownBy(() -> MerkleProof.decode(Arrays.copyOf(valid, valid.length + 1)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("1 trailing bytes");
        assertThatThrownBy(() -> MerkleProof.decode(new byte[] {(byte) 200}))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("depth 200 exceeds 31");
        assertThatThrownBy(() -> MerkleProof.decode(new byte[] {(byte) 0xFF, 1, 2}))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("depth 255");
    }

    @Test
    void randomBytesNeverCrashTheDecoder() {
        for (int trial = 0; trial < 2000; trial++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            if (garbage.length > 0 && random.nextBoolean()) {
                garbage[0] = (byte) random.nextInt(10);
            }
            try {
                MerkleProof proof = MerkleProof.decode(garbage);
                assertThat(proof.encode()).isEqualTo(garbage);
            } catch (MalformedDataException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private byte[][] randomLeaves(int n) {
        byte[][] leaves = new byte[n][];
        for (int i = 0; i < n; i++) {
            leaves[i] = new byte[1 + random.nextInt(64)];
            random.nextBytes(leaves[i]);
        }
        return leaves;
    }

    private byte[] flipRandomBit(byte[] bytes) {
        byte[] copy = bytes.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
