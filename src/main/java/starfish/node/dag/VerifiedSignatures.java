package starfish.node.dag;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import starfish.node.crypto.Digest;

/**
 * Signatures already checked, by the digest they sign. Protocols that push causal history receive most blocks
 * several times (from their author and from each peer that forwards them); Ed25519 verification is the costliest
 * check, so a copy whose digest and signature match a checked one skips it. Bounded: it is emptied when full, which
 * only costs repeated checks. Thread-safe.
 */
final class VerifiedSignatures {

    private final int capacity;
    private final Map<Digest, byte[]> checked = new ConcurrentHashMap<>();

    VerifiedSignatures(int capacity) {
        this.capacity = capacity;
    }

    boolean contains(Digest digest, byte[] signature) {
        byte[] known = checked.get(digest);
        return known != null && Arrays.equals(known, signature);
    }

    void add(Digest digest, byte[] signature) {
        if (checked.size() >= capacity) {
            checked.clear();
        }
        checked.put(digest, signature.clone());
    }
}
