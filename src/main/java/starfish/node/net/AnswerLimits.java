package starfish.node.net;

import starfish.node.dag.BlockCodec;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.ResourceBound;

/**
 * How much this validator answers each peer: a peer that asks again and again must not make it send large answers
 * without bound. Each peer has its own budgets, so one peer's flood never delays the answers others get. The caps
 * sit above what an honest peer asks for (its synchronizer's own budget, one catch-up request per retry interval
 * plus one per answer it adopts), so they bind only on a peer that breaks those limits. Called on the core thread.
 */
public final class AnswerLimits {

    /** Catch-up answers (up to 20,000 committed.log lines and checkpoints each) a peer gets at once. */
    static final int CATCH_UP_ANSWERS_AT_ONCE = 4;
    /** And after that: 20,000 leaders a second, far faster than any committee commits. */
    static final double CATCH_UP_ANSWERS_PER_SECOND = 1;
    /** Twice an honest synchronizer's budget: it never waits on this cap. */
    static final int BLOCK_REFERENCES_AT_ONCE = 2 * BlockCodec.MAX_REFERENCES;
    static final double BLOCK_REFERENCES_PER_SECOND = 2.0 * Synchronizer.REQUESTED_REFERENCES_PER_SECOND;

    private final TokenBucket[] catchUpAnswers;
    private final TokenBucket[] blockReferences;
    private final NodeMetrics metrics;

    public AnswerLimits(int committeeSize, NodeMetrics metrics, long nowNanos) {
        this.metrics = metrics;
        this.catchUpAnswers = new TokenBucket[committeeSize];
        this.blockReferences = new TokenBucket[committeeSize];
        for (int peer = 0; peer < committeeSize; peer++) {
            catchUpAnswers[peer] = new TokenBucket(CATCH_UP_ANSWERS_AT_ONCE, CATCH_UP_ANSWERS_PER_SECOND, nowNanos);
            blockReferences[peer] = new TokenBucket(BLOCK_REFERENCES_AT_ONCE, BLOCK_REFERENCES_PER_SECOND, nowNanos);
        }
    }

    /** Whether `peer` may have a catch-up answer now; a refusal is counted (the peer asks again later). */
    public boolean mayAnswerCatchUp(int peer, long nowNanos) {
        if (catchUpAnswers[peer].take(1, nowNanos) == 1) {
            return true;
        }
        metrics.boundHit(ResourceBound.CATCH_UP_ANSWERS);
        return false;
    }

    /**
     * How many of the `wanted` block references `peer` asked for are answered now (the first ones); those left
     * out are counted, and stay missing at the peer, which asks again later.
     */
    public int blockReferencesToAnswer(int peer, int wanted, long nowNanos) {
        int granted = blockReferences[peer].take(wanted, nowNanos);
        metrics.boundHit(ResourceBound.BLOCK_ANSWERS, wanted - granted);
        return granted;
    }
}
