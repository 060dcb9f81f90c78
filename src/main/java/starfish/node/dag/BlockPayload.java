package starfish.node.dag;

/**
 * What a block carries besides its header. The header commits to the payload (payloadCommitment): for full data a
 * hash of the transactions; the Starfish family adds an erasure-coded shard variant committed by a Merkle root.
 */
public sealed interface BlockPayload permits Transactions, ShardPayload {

    /** Wire tag of the payload kind. */
    byte kind();

    /** The count field on the wire (transactions, or the kind's own unit). */
    int count();

    /** The payload's wire bytes (a read-only view). */
    java.nio.ByteBuffer bytes();

    /** The length of {@link #bytes()}, without building them. */
    int byteLength();
}
