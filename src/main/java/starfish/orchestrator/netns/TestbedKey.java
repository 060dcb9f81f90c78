package starfish.orchestrator.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import starfish.orchestrator.settings.Settings;

/** The key pair the orchestrator logs in with: the one the settings name, else one generated for the testbed. */
record TestbedKey(Path privateKey, Path publicKey) {

    static TestbedKey resolve(Settings settings, Path stateDir) {
        if (settings.ssh().privateKeyFile().isPresent()) {
            Path privateKey = settings.ssh().privateKeyFile().get();
            Path publicKey = settings.ssh().publicKeyFile().orElse(Path.of(privateKey + ".pub"));
            requireFile(privateKey, "ssh_private_key_file");
            requireFile(publicKey, "ssh_public_key_file");
            return new TestbedKey(privateKey, publicKey);
        }
        Path privateKey = stateDir.resolve("id_ed25519");
        if (Files.notExists(privateKey)) {
            HostCommands.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "starfish-netns", "-f",
                    privateKey.toString());
        }
        return new TestbedKey(privateKey, Path.of(privateKey + ".pub"));
    }

    private static void requireFile(Path file, String field) {
        if (!Files.isReadable(file)) {
            throw new NetnsException("settings field " + field + ": cannot read " + file);
        }
    }
}
