package starfish.node.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A SHA-256 Merkle tree over a fixed list of leaves (the shards of one payload).
 *
 * <p>Hashes are domain-separated so that no value can play two roles: leaf = H(0x00 || leaf bytes),
 * inner node = H(0x01 || left || right), and positions beyond the last leaf (the tree is padded to a power of two)
 * hold H(0x02). A leaf therefore cannot pose as an inner node, and the verifier derives the tree shape from the leaf
 * count alone, so every proof for n leaves has exactly ceil(log2 n) siblings.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private static final byte LEAF_TAG = 0x00;
    private static final byte NODE_TAG = 0x01;
    private static final byte EMPTY_TAG = 0x02;

    private final int leafCount;
    /** levels[0] are the (padded) leaf hashes, levels[depth] holds only the root. */
    private final byte[][][] levels;

    private MerkleTree(int leafCount, byte[][][] levels) {
        this.leafCount = leafCount;
        this.levels = levels;
    }

    public static MerkleTree build(byte[][] leaves) {
        Objects.requireNonNull(leaves, "leaves");
        if (leaves.length == 0) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        MessageDigest sha256 = newSha256();
        int depth = depthFor(leaves.length);
        byte[][][] levels = new byte[depth + 1][][];
        levels[0] = new byte[1 << depth][];
        byte[] empty = hash(sha256, EMPTY_TAG);
        for (int i = 0; i < levels[0].length; i++) {
            levels[0][i] = i < leaves.length ? hash(sha256, LEAF_TAG, leaves[i]) : empty;
        }
        for (int level = 1; level <= depth; level++) {
            byte[][] below = levels[level - 1];
            levels[level] = new byte[below.length / 2][];
            for (int i = 0; i < levels[level].length; i++) {
                levels[level][i] = hash(sha256, NODE_TAG, below[2 * i], below[2 * i + 1]);
            }
        }
        return new MerkleTree(leaves.length, levels);
    }

    public int leafCount() {
        return leafCount;
    }

    public byte[] root() {
        return levels[levels.length - 1][0].clone();
    }

    public MerkleProof proof(int index) {
        Objects.checkIndex(index, leafCount);
        byte[][] siblings = new byte[levels.length - 1][];
        int position = index;
        for (int level = 0; level < siblings.length; level++) {
            siblings[level] = levels[level][position ^ 1].clone();
            position >>>= 1;
        }
        return new MerkleProof(siblings);
    }

    /**
     * Whether {@code leaf} is leaf {@code index} of a tree of {@code leafCount} leaves with the given root. Meant for
     * untrusted input: any mismatch (wrong index, wrong depth, tampered leaf or sibling) yields false, not an error.
     */
    public static boolean verify(byte[] root, int index, int leafCount, byte[] leaf, MerkleProof proof) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(proof, "proof");
        if (leafCount < 1 || index < 0 || index >= leafCount || proof.depth() != depthFor(leafCount)) {
            return false;
        }
        MessageDigest sha256 = newSha256();
        byte[] current = hash(sha256, LEAF_TAG, leaf);
        int position = index;
        for (int level = 0; level < proof.depth(); level++) {
            byte[] sibling = proof.sibling(level);
            current = (position & 1) == 0
                    ? hash(sha256, NODE_TAG, current, sibling)
                    : hash(sha256, NODE_TAG, sibling, current);
            position >>>= 1;
        }
        return MessageDigest.isEqual(current, root);
    }

    /** ceil(log2 leafCount): the number of siblings on every path. */
    private static int depthFor(int leafCount) {
        return 32 - Integer.numberOfLeadingZeros(leafCount - 1);
    }

    private static byte[] hash(MessageDigest sha256, byte tag, byte[]... parts) {
        sha256.update(tag);
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
