package starfish.orchestrator.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.KeyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Once a host has a pinned key, only keys of the pinned types are asked for, and a key of another type is refused. */
class PinnedHostKeysTest {
    @TempDir
    Path dir;

    private static PublicKey publicKey(Path publicKeyFile) throws Exception {
        String blob = Files.readString(publicKeyFile).split(" ")[1];
        return new Buffer.PlainBuffer(Base64.getDecoder().decode(blob)).readPublicKey();
    }

    @Test
    void aKeyOfAnotherTypeThanThePinnedOneIsRefusedAndNotRecorded() throws Exception {
        PublicKey ecdsa = publicKey(LocalSshd.keygen(dir.resolve("ecdsa"), "ecdsa").resolveSibling("ecdsa.pub"));
        PublicKey ed25519 = publicKey(LocalSshd.keygen(dir.resolve("ed25519"), "ed25519").resolveSibling("ed25519.pub"));
        Path file = dir.resolve("known_hosts");
        TrustOnFirstUseKnownHosts knownHosts = TrustOnFirstUseKnownHosts.open(file);

        assertThat(knownHosts.verify("192.0.2.7", 22, ecdsa)).as("first key: trusted and pinned").isTrue();
        String pinned = Files.readString(file);

        assertThat(knownHosts.verify("192.0.2.7", 22, ed25519)).as("another type for a pinned host").isFalse();
        assertThat(knownHosts.keyChanged("192.0.2.7", 22)).isTrue();
        assertThat(Files.readString(file)).isEqualTo(pinned);
        assertThat(knownHosts.verify("192.0.2.8", 22, ed25519)).as("another host is still new").isTrue();
        assertThat(knownHosts.pinnedTypes("192.0.2.7", 22)).containsExactly(KeyType.ECDSA256);
        assertThat(knownHosts.pinnedTypes("192.0.2.9", 2222)).isEmpty();
    }

    @Test
    void aPinnedHostIsOfferedOnlyTheSignatureAlgorithmsOfItsPinnedTypes() {
        assertThat(names(Set.of(KeyType.ECDSA256))).containsExactly("ecdsa-sha2-nistp256");
        assertThat(names(Set.of(KeyType.ED25519))).containsExactly("ssh-ed25519");
        assertThat(names(Set.of(KeyType.RSA))).containsExactlyInAnyOrder("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        assertThat(names(EnumSet.noneOf(KeyType.class))).contains("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512")
                .hasSizeGreaterThan(5);
    }

    private static java.util.List<String> names(Set<KeyType> pinned) {
        return Factory.Named.Util.getNames(SshConnections.configFor(pinned).getKeyAlgorithms());
    }
}
