package starfish.node.dag;

import java.util.Arrays;
import java.util.Objects;
import starfish.node.crypto.Digest;

/**
 * Names a block: its author, its round and its digest (two blocks of one author and round are equivocations). A
 * value, as a record would be, with its hash code kept: every per-block map of a validator hashes references, and
 * the digest's bytes that the hash is made of were a cache miss away (at n=100 in simulation, a validator looks up
 * tens of thousands of references per round). The hash is the one a record of these three components has.
 */
public final class BlockReference implements Comparable<BlockReference> {

    /** Encoded size: int author, long round, 32-byte digest. */
    public static final int ENCODED_LENGTH = 4 + 8 + Digest.LENGTH;

    private final int author;
    private final long round;
    private final Digest digest;
    private final int hash;

    public BlockReference(int author, long round, Digest digest) {
        this.author = author;
        this.round = round;
        this.digest = digest;
        this.hash = (Integer.hashCode(author) * 31 + Long.hashCode(round)) * 31 + Objects.hashCode(digest);
    }

    public int author() {
        return author;
    }

    public long round() {
        return round;
    }

    public Digest digest() {
        return digest;
    }

    /** The deterministic order the linearizer uses: round, then author, then digest bytes. */
    @Override
    public int compareTo(BlockReference other) {
        int c = Long.compare(round, other.round);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(author, other.author);
        return c != 0 ? c : Arrays.compareUnsigned(digest.bytes(), other.digest.bytes());
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof BlockReference reference && reference.hash == hash
                && reference.author == author && reference.round == round && Objects.equals(reference.digest, digest);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "B" + round + "(" + author + "," + digest + ")";
    }
}
