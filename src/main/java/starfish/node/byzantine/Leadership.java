package starfish.node.byzantine;

import starfish.node.consensus.LeaderSchedule;

/** Who leads a round, as the strategies ask it. */
final class Leadership {

    private Leadership() {
    }

    static boolean leads(LeaderSchedule schedule, int authority, long round) {
        return schedule.isLeaderRound(round) && schedule.slot(round).authority() == authority;
    }

    /** The leader of the round after `round` (the round-robin slot, also in rounds without a leader block). */
    static int nextRoundLeader(LeaderSchedule schedule, long round) {
        return schedule.slot(round + 1).authority();
    }
}
