package starfish.node.byzantine;

import java.util.ArrayList;
import java.util.List;
import starfish.node.availability.DataPath;
import starfish.node.consensus.LeaderSchedule;
import starfish.node.dag.Block;
import starfish.node.dag.BlockReference;
import starfish.node.dag.BlockSigner;
import starfish.node.dag.Transactions;
import starfish.node.net.Transport;

/**
 * The equivocating strategies: the validator keeps several chains of its own blocks, one block per chain and round,
 * and shows each peer one chain. Chain 0 is the block the proposer built (the only one with transactions); the
 * others copy its parents but continue their own chain, and differ in creation time so that no two coincide.
 * With `bomb`, a peer's blocks are held back and released together when that peer leads the next round.
 */
final class EquivocatingChains extends SilentDissemination {

    private final LeaderSchedule schedule;
    private final BlockSigner signer;
    private final DataPath dataPath;
    private final int[] chainOfPeer;
    private final BlockReference[] chainTips;
    private final boolean bomb;
    private final List<List<Block>> withheld = new ArrayList<>();

    private EquivocatingChains(Transport network, int self, LeaderSchedule schedule, BlockSigner signer,
            DataPath dataPath, int[] chainOfPeer, int chains, boolean bomb) {
        super(network, self);
        this.schedule = schedule;
        this.signer = signer;
        this.dataPath = dataPath;
        this.chainOfPeer = chainOfPeer;
        this.chainTips = new BlockReference[chains];
        this.bomb = bomb;
        for (int peer = 0; peer < network.size(); peer++) {
            withheld.add(new ArrayList<>());
        }
    }

    /** `equivocating-chains` (bomb false) and `equivocating-chains-bomb`: a chain per peer. */
    static EquivocatingChains perPeer(Transport network, int self, LeaderSchedule schedule, BlockSigner signer,
            DataPath dataPath, boolean bomb) {
        int[] chainOfPeer = new int[network.size()];
        int chain = 0;
        for (int peer = 0; peer < network.size(); peer++) {
            chainOfPeer[peer] = peer == self ? -1 : chain++;
        }
        return new EquivocatingChains(network, self, schedule, signer, dataPath, chainOfPeer, Math.max(1, chain),
                bomb);
    }

    /** `equivocating-two-chains`: the lower half of the peers sees one chain, the upper half the other. */
    static EquivocatingChains twoHalves(Transport network, int self, LeaderSchedule schedule, BlockSigner signer,
            DataPath dataPath) {
        int peers = network.size() - 1;
        int[] chainOfPeer = new int[network.size()];
        int position = 0;
        for (int peer = 0; peer < network.size(); peer++) {
            chainOfPeer[peer] = peer == self ? -1 : (position++ < (peers + 1) / 2 ? 0 : 1);
        }
        return new EquivocatingChains(network, self, schedule, signer, dataPath, chainOfPeer, 2, false);
    }

    @Override
    public void ownBlockProposed(Block block) {
        Block[] variants = new Block[chainTips.length];
        for (int chain = 0; chain < chainTips.length; chain++) {
            variants[chain] = chain == 0 ? block : equivocation(block, chain);
            chainTips[chain] = variants[chain].reference();
        }
        for (int peer = 0; peer < network.size(); peer++) {
            if (peer == self) {
                continue;
            }
            Block shown = variants[chainOfPeer[peer]];
            if (!bomb) {
                sendTo(peer, List.of(shown), 0);
                continue;
            }
            withheld.get(peer).add(shown);
            if (Leadership.nextRoundLeader(schedule, block.round()) == peer) {
                sendTo(peer, List.copyOf(withheld.get(peer)), 0);
                withheld.get(peer).clear();
            }
        }
    }

    /** The block of `chain` for the round of `original`: same parents, but its own chain's previous block first. */
    private Block equivocation(Block original, int chain) {
        List<BlockReference> parents = new ArrayList<>(original.parents());
        if (chainTips[chain] != null) {
            parents.set(0, chainTips[chain]);
        }
        return signer.sign(original.round(), original.creationTimeMs() + chain, parents,
                original.acknowledgements(), Transactions.EMPTY, dataPath.commit(Transactions.EMPTY));
    }
}
