package starfish.node.dag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import starfish.node.crypto.Hasher;

class VerifiedSignaturesTest {

    private final VerifiedSignatures signatures = new VerifiedSignatures(2);

    @Test
    void knowsADigestOnlyWithTheSignatureThatWasChecked() {
        byte[] signature = {1, 2, 3};
        signatures.add(Hasher.sha256(new byte[] {1}, 0, 1), signature);
        signature[0] = 9; // the caller's array may change later: the cache kept its own copy

        assertThat(signatures.contains(Hasher.sha256(new byte[] {1}, 0, 1), new byte[] {1, 2, 3})).isTrue();
        assertThat(signatures.contains(Hasher.sha256(new byte[] {1}, 0, 1), new byte[] {1, 2, 4})).isFalse();
        assertThat(signatures.contains(Hasher.sha256(new byte[] {2}, 0, 1), new byte[] {1, 2, 3})).isFalse();
    }

    @Test
    void startsAfreshWhenFull() {
        for (byte i = 0; i < 3; i++) {
            signatures.add(Hasher.sha256(new byte[] {i}, 0, 1), new byte[] {i});
        }

        assertThat(signatures.contains(Hasher.sha256(new byte[] {0}, 0, 1), new byte[] {0})).isFalse();
        assertThat(signatures.contains(Hasher.sha256(new byte[] {2}, 0, 1), new byte[] {2})).isTrue();
    }
}
