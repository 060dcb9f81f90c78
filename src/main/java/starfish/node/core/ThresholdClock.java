package starfish.node.core;

import java.util.HashMap;
import java.util.Map;
import starfish.node.config.Committee;
import starfish.node.config.StakeAggregator;
import starfish.node.dag.Block;

/** The highest round for which a quorum of authors has an accepted block: the round a proposal builds on. */
final class ThresholdClock {

    private final Committee committee;
    private final Map<Long, StakeAggregator> rounds = new HashMap<>();
    private long quorumRound;

    ThresholdClock(Committee committee) {
        this.committee = committee;
    }

    void add(Block block) {
        if (block.round() <= quorumRound) {
            return;
        }
        StakeAggregator aggregator = rounds.computeIfAbsent(block.round(), r -> new StakeAggregator(committee));
        if (aggregator.add(block.author()) && aggregator.reachedQuorum()) {
            quorumRound = block.round();
            rounds.keySet().removeIf(r -> r <= quorumRound);
        }
    }

    long quorumRound() {
        return quorumRound;
    }
}
