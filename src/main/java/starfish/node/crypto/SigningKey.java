package starfish.node.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 private key; signing is deterministic and thread-safe. */
public final class SigningKey {

    private final Ed25519PrivateKeyParameters key;

    private SigningKey(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    public static SigningKey fromSeed(byte[] seed) {
        return new SigningKey(new Ed25519PrivateKeyParameters(seed, 0));
    }

    /** The committee's deterministic key for an authority, so that every host's genesis yields the same files. */
    public static byte[] deterministicSeed(int authority) {
        return Hasher.sha256(("starfish-authority-key-" + authority).getBytes(StandardCharsets.UTF_8)).bytes();
    }

    public PublicKey publicKey() {
        return new PublicKey(key.generatePublicKey().getEncoded());
    }

    public byte[] sign(Digest digest) {
        byte[] signature = new byte[PublicKey.SIGNATURE_LENGTH];
        key.sign(Ed25519.Algorithm.Ed25519, null, digest.bytes(), 0, Digest.LENGTH, signature, 0);
        return signature;
    }
}
