package starfish.node.dag;

import starfish.node.crypto.Digest;

/** Names a block: its author, its round and its digest (two blocks of one author and round are equivocations). */
public record BlockReference(int author, long round, Digest digest) implements Comparable<BlockReference> {

    /** Encoded size: int author, long round, 32-byte digest. */
    public static final int ENCODED_LENGTH = 4 + 8 + Digest.LENGTH;

    /** The deterministic order the linearizer uses: round, then author, then digest bytes. */
    @Override
    public int compareTo(BlockReference other) {
        int c = Long.compare(round, other.round);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(author, other.author);
        return c != 0 ? c : java.util.Arrays.compareUnsigned(digest.bytes(), other.digest.bytes());
    }

    @Override
    public String toString() {
        return "B" + round + "(" + author + "," + digest + ")";
    }
}
