package starfish.node.crypto;

/**
 * Checks a signature over a block digest. Validators check with the key itself; a simulation, where a whole
 * committee shares one JVM, may remember what one validator already checked, since the answer depends only on the
 * bytes.
 */
@FunctionalInterface
public interface SignatureCheck {

    SignatureCheck DIRECT = PublicKey::verify;

    boolean verify(PublicKey key, Digest digest, byte[] signature);
}
