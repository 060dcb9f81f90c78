package starfish.node.byzantine;

import java.util.List;
import java.util.random.RandomGenerator;
import starfish.node.dag.Block;
import starfish.node.net.Transport;

/** `random-drop`: each own block reaches each peer with probability 1/n only. */
final class RandomDrop extends SilentDissemination {

    private final RandomGenerator random;

    RandomDrop(Transport network, int self, RandomGenerator random) {
        super(network, self);
        this.random = random;
    }

    @Override
    public void ownBlockProposed(Block block) {
        for (int peer = 0; peer < committeeSize(); peer++) {
            if (peer != self && random.nextInt(committeeSize()) == 0) {
                sendTo(peer, List.of(block), 0);
            }
        }
    }
}
