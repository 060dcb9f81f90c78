package starfish.node.consensus;

import starfish.node.dag.Block;

/** The outcome for one leader slot. */
public sealed interface Decision {

    LeaderSlot slot();

    /** The slot's leader block is committed. */
    record Commit(LeaderSlot slot, Block leader, boolean direct) implements Decision {
        public CommitType type() {
            return direct ? CommitType.DIRECT_COMMIT : CommitType.INDIRECT_COMMIT;
        }
    }

    /** The slot has no committed block. */
    record Skip(LeaderSlot slot, boolean direct) implements Decision {
        public CommitType type() {
            return direct ? CommitType.DIRECT_SKIP : CommitType.INDIRECT_SKIP;
        }
    }

    /** Not decidable yet from the local DAG. */
    record Undecided(LeaderSlot slot) implements Decision {
    }
}
