package starfish.orchestrator.cloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import starfish.orchestrator.settings.Settings;

/** The key pair from settings that cloud instances are opened with. */
public record SshKeys(Path privateKey, Path publicKey) {

    /**
     * `ssh_private_key_file` is given (the settings loader checks what each cloud provider requires);
     * `ssh_public_key_file` defaults to the private key's path plus `.pub`.
     */
    public static SshKeys from(Settings settings) {
        Path privateKey = settings.ssh().privateKeyFile().orElseThrow();
        Path publicKey = settings.ssh().publicKeyFile().orElse(Path.of(privateKey + ".pub"));
        return new SshKeys(privateKey, publicKey);
    }

    /** The public key line (`ssh-ed25519 AAAA... comment`) that the provider installs on new instances. */
    public String publicKeyText() {
        try {
            String text = Files.readString(publicKey).trim();
            if (!text.startsWith("ssh-") && !text.startsWith("ecdsa-")) {
                throw new IllegalArgumentException("ssh_public_key_file " + publicKey + " does not hold an OpenSSH public key");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read ssh_public_key_file " + publicKey + ": " + e.getMessage(), e);
        }
    }
}
