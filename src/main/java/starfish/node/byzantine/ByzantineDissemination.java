package starfish.node.byzantine;

import java.util.Random;
import starfish.node.availability.DataPath;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.BlockSigner;
import starfish.node.dissemination.Dissemination;
import starfish.node.net.Transport;
import starfish.node.runtime.Clock;
import starfish.protocol.ByzantineStrategy;

/** Picks the dissemination a validator runs: the protocol's honest one, or its strategy's replacement. */
public final class ByzantineDissemination {

    private ByzantineDissemination() {
    }

    /**
     * @param signer   signs the equivocating blocks (the validator's own key)
     * @param dataPath commits to their (empty) payload the way the protocol's headers do
     * @param clock    times the strategies that change over the run
     * @param seed     seeds the strategies that flip coins, so a run can be repeated
     */
    public static Dissemination of(ByzantineStrategy strategy, Dissemination honest, Transport network, int self,
            LeaderSchedule schedule, BlockSigner signer, DataPath dataPath, Clock clock, long seed) {
        return switch (strategy) {
            case HONEST -> honest;
            case TIMEOUT_LEADER -> new TimeoutLeader(network, self, schedule);
            case LEADER_WITHHOLDING -> new LeaderWithholding(network, self, schedule, new Random(seed));
            case CHAIN_BOMB -> new ChainBomb(network, self, schedule);
            case EQUIVOCATING_CHAINS -> EquivocatingChains.perPeer(network, self, schedule, signer, dataPath, false);
            case EQUIVOCATING_TWO_CHAINS -> EquivocatingChains.twoHalves(network, self, schedule, signer, dataPath);
            case EQUIVOCATING_CHAINS_BOMB -> EquivocatingChains.perPeer(network, self, schedule, signer, dataPath, true);
            case RANDOM_DROP -> new RandomDrop(network, self, new Random(seed));
            case CHAIN_BOMB_QUORUM -> new ChainBombQuorum(network, self);
            case RAMP_UP_WITHHOLDING -> new ChainBomb(network, self, schedule,
                    new RampUpWithholding(clock, new Random(seed)));
        };
    }
}
