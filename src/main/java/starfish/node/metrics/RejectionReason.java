package starfish.node.metrics;

/**
 * Why a validator dropped a frame or a block: the `reason` label of rejected_messages_total. Every reason is one
 * constant here, so the metric can show each series (at 0) from the start and dashboards never wait for an attack.
 */
public enum RejectionReason {
    /**
     * A peer that did not prove, in time, that it holds the key of a lower-index validator (or, dialled, of the
     * validator it was dialled as).
     */
    HANDSHAKE("handshake"),
    /** A connection refused at once because too many others had not finished their handshake. */
    PENDING_HANDSHAKES("pending-handshakes"),
    /** A frame that does not decode. */
    MALFORMED("malformed"),
    /** A handshake frame after the handshake. */
    UNEXPECTED_MESSAGE("unexpected-message"),
    /** A frame length outside the allowed range: the stream is corrupt. */
    OVERSIZED("oversized"),
    /** A stream that ended inside a frame. */
    TRUNCATED("truncated"),
    BAD_SIGNATURE("bad-signature"),
    /** A block that breaks a DAG rule: author, round, acknowledgements or parents. */
    INVALID_BLOCK("invalid-block"),
    /** Full-data transactions that do not match the block's commitment. */
    BAD_PAYLOAD("bad-payload"),
    /** Starfish data that does not encode to the block's Merkle root. */
    MERKLE_MISMATCH("merkle-mismatch"),
    /** A Starfish shard whose proof does not lead to the block's Merkle root. */
    BAD_SHARD("bad-shard");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    /** The value of the metric's `reason` label. */
    public String label() {
        return label;
    }
}
