package starfish.node.metrics;

/**
 * The bounds that keep a validator's memory and work finite under attack: the `bound` label of
 * resource_bound_hits_total, one series per constant from the start.
 */
public enum ResourceBound {
    /** A block too many rounds above what the committee has reached: dropped. */
    ROUND_WINDOW("round-window"),
    /** A block beyond its author's allowance of blocks in one round: dropped. */
    EQUIVOCATIONS_PER_AUTHOR("equivocations-per-author"),
    /** A block beyond its author's allowance of blocks waiting for parents: dropped. */
    SUSPENDED_PER_AUTHOR("suspended-per-author"),
    /** A block whose missing parents would exceed its author's share of the missing set: dropped. */
    MISSING_PER_AUTHOR("missing-per-author"),
    /** A reader that waited because the core's event queue was full (back-pressure on its peer). */
    EVENT_QUEUE("event-queue"),
    /** Missing references left out of a synchronizer request that would have been too large or too frequent. */
    SYNC_REQUESTS("sync-requests"),
    /** A catch-up request left unanswered: its peer asked for more answers than the per-peer cap allows. */
    CATCH_UP_ANSWERS("catch-up-answers"),
    /** Block references left out of an answer: their peer asked for more than the per-peer cap allows. */
    BLOCK_ANSWERS("block-answers");

    private final String label;

    ResourceBound(String label) {
        this.label = label;
    }

    /** The value of the metric's `bound` label. */
    public String label() {
        return label;
    }
}
