package starfish.node.config;

import starfish.node.crypto.PublicKey;

/** One validator of the committee: its index, voting stake, key and network addresses. */
public record Authority(int index, int stake, PublicKey publicKey, String host, int consensusPort, int metricsPort) {

    public Authority {
        if (stake <= 0) {
            throw new IllegalArgumentException("authority " + index + ": stake must be positive, was " + stake);
        }
    }
}
