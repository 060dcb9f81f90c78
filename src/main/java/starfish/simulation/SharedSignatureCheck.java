package starfish.simulation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import starfish.node.crypto.Digest;
import starfish.node.crypto.PublicKey;
import starfish.node.crypto.SignatureCheck;

/**
 * One committee's memory of valid signatures: the first validator to receive a block checks its signature, the
 * others reuse the answer (it depends only on the bytes). On one core this removes most of a simulated committee's
 * Ed25519 work; the cost model still charges every validator for its own check. The digest names the author, so
 * a digest and a signature are the whole key. Shared by the simulation's threads; bounded by emptying when full.
 */
final class SharedSignatureCheck implements SignatureCheck {

    private static final int CAPACITY = 1 << 20;

    private final Map<Digest, byte[]> valid = new HashMap<>();

    @Override
    public boolean verify(PublicKey key, Digest digest, byte[] signature) {
        byte[] known = known(digest);
        if (known != null && Arrays.equals(known, signature)) {
            return true;
        }
        if (!key.verify(digest, signature)) {
            return false;
        }
        remember(digest, signature.clone());
        return true;
    }

    private synchronized byte[] known(Digest digest) {
        return valid.get(digest);
    }

    private synchronized void remember(Digest digest, byte[] signature) {
        if (valid.size() >= CAPACITY) {
            valid.clear();
        }
        valid.put(digest, signature);
    }
}
