package starfish.node.byzantine;

import java.util.ArrayList;
import java.util.List;
import starfish.node.dag.Block;
import starfish.node.net.Transport;

/**
 * `chain-bomb-quorum`: withholds its chain like `chain-bomb`, but in rounds r with r mod n equal to its index it
 * releases everything it withheld to the 2n/3+1 validators that follow it in index order (wrapping), enough to weigh
 * on the next commit decision, instead of to the next leader alone.
 */
final class ChainBombQuorum extends SilentDissemination {

    private final List<Block> withheld = new ArrayList<>();

    ChainBombQuorum(Transport network, int self) {
        super(network, self);
    }

    @Override
    public void ownBlockProposed(Block block) {
        withheld.add(block);
        if (block.round() % committeeSize() != self) {
            return;
        }
        List<Block> chain = List.copyOf(withheld);
        targets(self, committeeSize()).forEach(peer -> sendTo(peer, chain, 0));
        withheld.clear();
    }

    /** The peers `self` releases its chain to: the next 2n/3+1 indices after it, never itself. */
    static List<Integer> targets(int self, int committeeSize) {
        int count = Math.min(2 * committeeSize / 3 + 1, committeeSize - 1);
        List<Integer> peers = new ArrayList<>(count);
        for (int distance = 1; distance <= count; distance++) {
            peers.add((self + distance) % committeeSize);
        }
        return peers;
    }
}
