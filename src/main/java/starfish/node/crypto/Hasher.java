package starfish.node.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 over byte ranges; one MessageDigest per thread so that hashing needs no lock. */
public final class Hasher {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Hasher::newSha256);

    private Hasher() {
    }

    public static Digest sha256(byte[] data) {
        return sha256(data, 0, data.length);
    }

    public static Digest sha256(byte[] data, int offset, int length) {
        MessageDigest md = SHA256.get();
        md.update(data, offset, length);
        return new Digest(md.digest());
    }

    /** Hashes the remaining bytes of the buffer without moving its position. */
    public static Digest sha256(ByteBuffer data) {
        MessageDigest md = SHA256.get();
        md.update(data.duplicate());
        return new Digest(md.digest());
    }

    /** A fresh digest for incremental hashing (e.g. the running committed-sequence digest). */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }
}
