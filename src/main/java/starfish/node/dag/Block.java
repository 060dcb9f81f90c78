package starfish.node.dag;

import java.util.List;
import starfish.node.crypto.Digest;

/**
 * A DAG vertex. The digest (in the reference) covers the header: author, round, creation time, parents,
 * acknowledgements and the payload commitment; the signature is the author's over that digest. Parents hold at
 * least a quorum of round-1 blocks, the author's own previous block first. Acknowledgements are empty for Mysticeti;
 * the Starfish family uses them to acknowledge data it holds.
 */
public record Block(
        BlockReference reference,
        long creationTimeMs,
        List<BlockReference> parents,
        List<BlockReference> acknowledgements,
        Digest payloadCommitment,
        byte[] signature,
        BlockPayload payload) {

    public Block {
        parents = List.copyOf(parents);
        acknowledgements = List.copyOf(acknowledgements);
    }

    public int author() {
        return reference.author();
    }

    public long round() {
        return reference.round();
    }

    public Digest digest() {
        return reference.digest();
    }

    /** The full transactions, or EMPTY when the payload is of another kind. */
    public Transactions transactions() {
        return payload instanceof Transactions t ? t : Transactions.EMPTY;
    }

    /** The same signed header with another payload (the header commits to the data, not to its wire form). */
    public Block withPayload(BlockPayload other) {
        return new Block(reference, creationTimeMs, parents, acknowledgements, payloadCommitment, signature, other);
    }

    @Override
    public String toString() {
        return reference.toString();
    }
}
