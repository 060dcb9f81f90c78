package starfish.node.byzantine;

import java.util.ArrayList;
import java.util.List;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.net.Transport;

/**
 * `chain-bomb`: keeps its chain to itself and, in rounds r with r mod n equal to its index, drops everything it
 * withheld on the leader of round r+1 at once; the others must fetch that history from the leader.
 */
final class ChainBomb extends SilentDissemination {

    private final LeaderSchedule schedule;
    private final List<Block> withheld = new ArrayList<>();

    ChainBomb(Transport network, int self, LeaderSchedule schedule) {
        super(network, self);
        this.schedule = schedule;
    }

    @Override
    public void ownBlockProposed(Block block) {
        withheld.add(block);
        if (block.round() % committeeSize() != self) {
            return;
        }
        int target = Leadership.nextRoundLeader(schedule, block.round());
        if (target != self) {
            sendTo(target, List.copyOf(withheld), 0);
        }
        withheld.clear();
    }
}
