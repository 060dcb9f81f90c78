package starfish.node.consensus;

import starfish.protocol.Consensus;

/**
 * Which rounds have a leader and who it is. Pipelined protocols (mysticeti, starfish, starfish-pull) start a wave
 * every round, so every round has a leader, round mod n. cordial-miners runs waves that do not overlap: a leader every
 * wave-length-th round, the waves' leaders taking turns (wave number mod n, so that every authority leads even when
 * n is a multiple of the wave length).
 */
public record LeaderSchedule(int committeeSize, int waveLength, boolean pipelined) {

    public static final int WAVE_LENGTH = 3;

    public static LeaderSchedule pipelined(int committeeSize) {
        return new LeaderSchedule(committeeSize, WAVE_LENGTH, true);
    }

    public static LeaderSchedule nonPipelined(int committeeSize) {
        return new LeaderSchedule(committeeSize, WAVE_LENGTH, false);
    }

    public static LeaderSchedule of(Consensus consensus, int committeeSize) {
        return consensus == Consensus.CORDIAL_MINERS ? nonPipelined(committeeSize) : pipelined(committeeSize);
    }

    public boolean isLeaderRound(long round) {
        return round > 0 && (pipelined || round % waveLength == 0);
    }

    public LeaderSlot slot(long round) {
        long turn = pipelined ? round : round / waveLength;
        return new LeaderSlot(round, (int) (turn % committeeSize));
    }

    public long votingRound(long leaderRound) {
        return leaderRound + 1;
    }

    public long decisionRound(long leaderRound) {
        return leaderRound + waveLength - 1;
    }
}
