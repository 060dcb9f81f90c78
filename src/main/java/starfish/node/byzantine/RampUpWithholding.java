package starfish.node.byzantine;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.net.Transport;
import starfish.node.runtime.Clock;

/**
 * `ramp-up-withholding`: a `chain-bomb` whose release is a coin flip that turns certain over three minutes. In rounds
 * r with r mod n equal to its index it releases its withheld chain to the next round's leader with probability
 * (time since start) / 3 min; a chain not released keeps growing until a later flip releases it whole. It starts as
 * a validator that sends nothing and ends as a plain chain bomb.
 */
final class RampUpWithholding extends SilentDissemination {

    static final long RAMP_NANOS = 180_000_000_000L;

    private final LeaderSchedule schedule;
    private final Clock clock;
    private final long startNanos;
    private final RandomGenerator random;
    private final List<Block> withheld = new ArrayList<>();

    RampUpWithholding(Transport network, int self, LeaderSchedule schedule, Clock clock, RandomGenerator random) {
        super(network, self);
        this.schedule = schedule;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.random = random;
    }

    @Override
    public void ownBlockProposed(Block block) {
        withheld.add(block);
        if (block.round() % committeeSize() != self) {
            return;
        }
        int target = Leadership.nextRoundLeader(schedule, block.round());
        if (target == self || random.nextDouble() >= releaseProbability(clock.nanoTime() - startNanos)) {
            return;
        }
        sendTo(target, List.copyOf(withheld), 0);
        withheld.clear();
    }

    /** 0 at the start, rising linearly to 1 after three minutes, then 1. */
    static double releaseProbability(long elapsedNanos) {
        return Math.max(0, Math.min(1, (double) elapsedNanos / RAMP_NANOS));
    }
}
