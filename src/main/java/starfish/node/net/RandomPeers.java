package starfish.node.net;

import java.util.random.RandomGenerator;

/** Picks a peer other than this validator uniformly, from a generator the runtime seeds (so a simulation repeats). */
public final class RandomPeers {

    private final int self;
    private final int committeeSize;
    private final RandomGenerator random;

    public RandomPeers(int self, int committeeSize, RandomGenerator random) {
        this.self = self;
        this.committeeSize = committeeSize;
        this.random = random;
    }

    public int next() {
        int peer = random.nextInt(committeeSize - 1);
        return peer >= self ? peer + 1 : peer;
    }
}
