package starfish.node.consensus;

/**
 * Which rounds have a leader and who it is: round-robin (round mod n). Pipelined protocols (mysticeti, starfish,
 * starfish-pull) have a leader every round; cordial-miners every wave-length-th round.
 */
public record LeaderSchedule(int committeeSize, int waveLength, boolean pipelined) {

    public static LeaderSchedule pipelined(int committeeSize) {
        return new LeaderSchedule(committeeSize, 3, true);
    }

    public boolean isLeaderRound(long round) {
        return round > 0 && (pipelined || round % waveLength == 0);
    }

    public LeaderSlot slot(long round) {
        return new LeaderSlot(round, (int) (round % committeeSize));
    }

    public long votingRound(long leaderRound) {
        return leaderRound + 1;
    }

    public long decisionRound(long leaderRound) {
        return leaderRound + waveLength - 1;
    }
}
