package starfish.node.byzantine;

import java.util.List;
import java.util.random.RandomGenerator;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.net.Transport;

/** `leader-withholding`: sends only its leader blocks, 450 ms late, each to a random half of the peers. */
final class LeaderWithholding extends SilentDissemination {

    static final long DELAY_NANOS = 450_000_000L;

    private final LeaderSchedule schedule;
    private final RandomGenerator random;

    LeaderWithholding(Transport network, int self, LeaderSchedule schedule, RandomGenerator random) {
        super(network, self);
        this.schedule = schedule;
        this.random = random;
    }

    @Override
    public void ownBlockProposed(Block block) {
        if (!Leadership.leads(schedule, self, block.round())) {
            return;
        }
        for (int peer = 0; peer < committeeSize(); peer++) {
            if (peer != self && random.nextBoolean()) {
                sendTo(peer, List.of(block), DELAY_NANOS);
            }
        }
    }
}
