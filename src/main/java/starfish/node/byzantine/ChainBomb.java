package starfish.node.byzantine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.net.Transport;

/**
 * `chain-bomb`: keeps its chain to itself and, in rounds r with r mod n equal to its index, drops everything it
 * withheld on the leader of round r+1 at once; the others must fetch that history from the leader. With a release
 * rule that says no (`ramp-up-withholding`), the chain is kept and grows until a later such round releases it whole.
 */
final class ChainBomb extends SilentDissemination {

    private final LeaderSchedule schedule;
    private final BooleanSupplier release;
    private final List<Block> withheld = new ArrayList<>();

    ChainBomb(Transport network, int self, LeaderSchedule schedule) {
        this(network, self, schedule, () -> true);
    }

    /** `release` is asked in each round where the chain could go out. */
    ChainBomb(Transport network, int self, LeaderSchedule schedule, BooleanSupplier release) {
        super(network, self);
        this.schedule = schedule;
        this.release = release;
    }

    @Override
    public void ownBlockProposed(Block block) {
        withheld.add(block);
        if (block.round() % committeeSize() != self || !release.getAsBoolean()) {
            return;
        }
        int target = Leadership.nextRoundLeader(schedule, block.round());
        if (target != self) {
            sendTo(target, List.copyOf(withheld), 0);
        }
        withheld.clear();
    }
}
