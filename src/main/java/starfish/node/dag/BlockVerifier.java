package starfish.node.dag;

import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;
import starfish.node.crypto.SignatureCheck;
import starfish.node.metrics.RejectionReason;

/**
 * The checks a block passes before it enters the DAG that need no DAG state: author and round in range, the
 * parent rule (own previous block first, a quorum of the previous round, nothing from the same or a later round),
 * the payload matching its commitment, and the author's signature (checked once per digest and signature).
 * Thread-safe: runs on the network threads.
 */
public final class BlockVerifier implements BlockCheck {

    /** Checks a block's payload against its header's commitment; throws with a reason to count. */
    @FunctionalInterface
    public interface PayloadCheck {
        void check(Block block) throws InvalidBlockException;
    }

    /** Full data: well-formed transactions whose hash is the commitment. */
    public static final PayloadCheck FULL_DATA = block -> {
        if (!(block.payload() instanceof Transactions t) || !t.isWellFormed()
                || !t.commitment().equals(block.payloadCommitment())) {
            throw new InvalidBlockException(RejectionReason.BAD_PAYLOAD, "payload does not match its commitment in " + block);
        }
    };

    /** About a hundred rounds of a committee of a hundred, the history a validator keeps by default. */
    private static final int VERIFIED_SIGNATURES = 10_000;

    private final Committee committee;
    private final PayloadCheck payloadCheck;
    private final SignatureCheck signatureCheck;
    private final VerifiedSignatures verifiedSignatures = new VerifiedSignatures(VERIFIED_SIGNATURES);

    public BlockVerifier(Committee committee) {
        this(committee, FULL_DATA);
    }

    public BlockVerifier(Committee committee, PayloadCheck payloadCheck) {
        this(committee, payloadCheck, SignatureCheck.DIRECT);
    }

    public BlockVerifier(Committee committee, PayloadCheck payloadCheck, SignatureCheck signatureCheck) {
        this.committee = committee;
        this.payloadCheck = payloadCheck;
        this.signatureCheck = signatureCheck;
    }

    @Override
    public void verify(Block block) throws InvalidBlockException {
        if (!committee.isValidIndex(block.author())) {
            throw new InvalidBlockException(RejectionReason.INVALID_BLOCK, "unknown author " + block.author());
        }
        if (block.round() <= 0) {
            throw new InvalidBlockException(RejectionReason.INVALID_BLOCK, "round " + block.round() + " (genesis is never sent)");
        }
        verifyParents(block);
        for (BlockReference ack : block.acknowledgements()) {
            if (!committee.isValidIndex(ack.author()) || ack.round() >= block.round() || ack.round() < 0) {
                throw new InvalidBlockException(RejectionReason.INVALID_BLOCK, "bad acknowledgement " + ack);
            }
        }
        // the payload is checked on every copy: forwarders attach their own shard, and a copy may carry any bytes
        payloadCheck.check(block);
        if (verifiedSignatures.contains(block.digest(), block.signature())) {
            return;
        }
        if (!signatureCheck.verify(committee.authority(block.author()).publicKey(), block.digest(),
                block.signature())) {
            throw new InvalidBlockException(RejectionReason.BAD_SIGNATURE, "bad signature on " + block);
        }
        verifiedSignatures.add(block.digest(), block.signature());
    }

    private void verifyParents(Block block) throws InvalidBlockException {
        if (block.parents().isEmpty() || block.parents().get(0).author() != block.author()) {
            throw new InvalidBlockException(RejectionReason.INVALID_BLOCK, block + " must reference its author's previous block first");
        }
        StakeAggregator previousRound = new StakeAggregator(committee);
        for (BlockReference parent : block.parents()) {
            if (!committee.isValidIndex(parent.author()) || parent.round() >= block.round() || parent.round() < 0) {
                throw new InvalidBlockException(RejectionReason.INVALID_BLOCK, block + " has a bad parent " + parent);
            }
            if (parent.round() == block.round() - 1) {
                previousRound.add(parent.author());
            }
        }
        if (!previousRound.reachedQuorum()) {
            throw new InvalidBlockException(RejectionReason.INVALID_BLOCK, block + " lacks a quorum of parents from the previous round");
        }
    }
}
