package starfish.node.byzantine;

import java.util.List;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.net.Message;
import starfish.node.net.Transport;

/** `timeout-leader`: holds its leader blocks back for a second, longer than the honest leader timeout. */
final class TimeoutLeader extends SilentDissemination {

    static final long LEADER_DELAY_NANOS = 1_000_000_000L;

    private final LeaderSchedule schedule;

    TimeoutLeader(Transport network, int self, LeaderSchedule schedule) {
        super(network, self);
        this.schedule = schedule;
    }

    @Override
    public void ownBlockProposed(Block block) {
        if (!Leadership.leads(schedule, self, block.round())) {
            network.broadcast(new Message.Blocks(List.of(block)));
            return;
        }
        for (int peer = 0; peer < committeeSize(); peer++) {
            if (peer != self) {
                sendTo(peer, List.of(block), LEADER_DELAY_NANOS);
            }
        }
    }
}
