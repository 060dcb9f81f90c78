package starfish.node.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** An Ed25519 public key that verifies signatures over block digests (thread-safe). */
public final class PublicKey {

    public static final int LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private final byte[] encoded;
    private final Ed25519PublicKeyParameters key;

    public PublicKey(byte[] encoded) {
        if (encoded.length != LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has " + LENGTH + " bytes, got " + encoded.length);
        }
        this.encoded = encoded.clone();
        this.key = new Ed25519PublicKeyParameters(encoded, 0);
    }

    public static PublicKey fromHex(String hex) {
        return new PublicKey(HexFormat.of().parseHex(hex));
    }

    public String hex() {
        return HexFormat.of().formatHex(encoded);
    }

    public boolean verify(Digest digest, byte[] signature) {
        return signature.length == SIGNATURE_LENGTH
                && key.verify(Ed25519.Algorithm.Ed25519, null, digest.bytes(), 0, Digest.LENGTH, signature, 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicKey k && Arrays.equals(encoded, k.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }
}
