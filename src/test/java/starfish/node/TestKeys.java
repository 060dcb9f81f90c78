package starfish.node;

import starfish.node.crypto.SigningKey;

/** The signing keys of test committees: derived from one fixed seed, so that test DAGs are reproducible. */
public final class TestKeys {

    private static final long SEED = 0x5eed;

    private TestKeys() {
    }

    public static SigningKey of(int authority) {
        return SigningKey.derived(SEED, authority);
    }
}
