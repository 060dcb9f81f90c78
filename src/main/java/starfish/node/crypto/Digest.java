package starfish.node.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/** A 32-byte SHA-256 digest; a value (equality by content). */
public record Digest(byte[] bytes) {

    public static final int LENGTH = 32;
    public static final Digest ZERO = new Digest(new byte[LENGTH]);

    public Digest {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a digest has " + LENGTH + " bytes, got " + bytes.length);
        }
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Digest d && Arrays.equals(bytes, d.bytes);
    }

    @Override
    public int hashCode() {
        // digests are uniformly distributed: the first bytes are as good a hash as any
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    @Override
    public String toString() {
        return hex().substring(0, 12);
    }
}
