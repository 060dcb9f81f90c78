package starfish.node.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 private key; signing is deterministic and thread-safe. */
public final class SigningKey {

    public static final int SEED_LENGTH = 32;
    private static final byte[] DERIVATION_LABEL = "starfish-derived-authority-key".getBytes(StandardCharsets.UTF_8);

    private final Ed25519PrivateKeyParameters key;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    public static SigningKey fromSeed(byte[] seed) {
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** A fresh seed from the operating system's entropy: what a real testbed's genesis uses. */
    public static byte[] randomSeed(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        return seed;
    }

    /**
     * A key derived from a run's seed and an authority index, for simulations and tests that must replay exactly:
     * different seeds give unrelated committees. Never for a testbed reachable over a network.
     */
    public static SigningKey derived(long runSeed, int authority) {
        byte[] input = ByteBuffer.allocate(DERIVATION_LABEL.length + Long.BYTES + Integer.BYTES)
                .put(DERIVATION_LABEL).putLong(runSeed).putInt(authority).array();
        return fromSeed(Hasher.sha256(input).bytes());
    }

    public PublicKey publicKey() {
        return new PublicKey(key.generatePublicKey().getEncoded());
    }

    public byte[] sign(Digest digest) {
        byte[] signature = new byte[PublicKey.SIGNATURE_LENGTH];
        key.sign(Ed25519.Algorithm.Ed25519, null, digest.bytes(), 0, Digest.LENGTH, signature, 0);
        return signature;
    }

    /** Never the key material: a key must not reach a log by accident. */
    @Override
    public String toString() {
        return "SigningKey[" + publicKey().hex().substring(0, 12) + "]";
    }
}
