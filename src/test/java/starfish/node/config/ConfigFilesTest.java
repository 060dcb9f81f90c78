package starfish.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path directory;

    @Test
    void nodeParametersOverrideOnlyTheFieldsGiven() throws Exception {
        Path file = Files.writeString(directory.resolve("node.yml"),
                "leader_timeout_ms: 900\nmax_block_transactions: 10\n");

        NodeParameters parameters = ConfigFiles.readNodeParameters(file);

        assertThat(parameters.leaderTimeoutMs()).isEqualTo(900);
        assertThat(parameters.maxBlockTransactions()).isEqualTo(10);
        assertThat(parameters.gcDepthRounds()).isEqualTo(NodeParameters.DEFAULTS.gcDepthRounds());
        assertThat(ConfigFiles.readNodeParameters(null)).isEqualTo(NodeParameters.DEFAULTS);
    }

    @Test
    void anUnknownOrInvalidFieldIsNamedWithItsFile() throws Exception {
        Path unknown = Files.writeString(directory.resolve("node.json"), "{\"leader_timeout\": 5}");
        Path invalid = Files.writeString(directory.resolve("client.yaml"), "transaction_size: 4\n");

        assertThatThrownBy(() -> ConfigFiles.readNodeParameters(unknown)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.json").hasMessageContaining("unknown field 'leader_timeout'");
        assertThatThrownBy(() -> ConfigFiles.readClientParameters(invalid)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("client.yaml").hasMessageContaining("transaction_size");
    }

    @Test
    void anIdleIntervalLongerThanTheMinimumIntervalIsRefused() throws Exception {
        Path idle = Files.writeString(directory.resolve("node.yml"), "idle_round_interval_ms: 5\n");
        Path none = Files.writeString(directory.resolve("none.yml"), "idle_round_interval_ms: -1\n");
        Path tooLong = Files.writeString(directory.resolve("slow.yml"), "idle_round_interval_ms: 30\n");

        assertThat(ConfigFiles.readNodeParameters(idle).idleRoundIntervalMs()).isEqualTo(5);
        assertThat(ConfigFiles.readNodeParameters(none).idleRoundIntervalMs()).as("opted out").isEqualTo(-1);
        assertThat(NodeParameters.DEFAULTS.idleRoundIntervalMs()).isEqualTo(2);
        assertThatThrownBy(() -> ConfigFiles.readNodeParameters(tooLong)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("slow.yml").hasMessageContaining("idle_round_interval_ms");
    }

    @Test
    void aPrivateKeyFileForAnotherAuthorityIsRefusedWithoutShowingTheKey() throws Exception {
        ConfigFiles.writeGenesis(directory, java.util.List.of("127.0.0.1", "127.0.0.1"), 26000,
                new java.security.SecureRandom());
        String secret = Files.readString(directory.resolve("private-config-1.json"));

        assertThatThrownBy(() -> ConfigFiles.readSigningKey(directory.resolve("private-config-1.json"), 0))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--authority is 0")
                .satisfies(e -> assertThat(secret).doesNotContain(e.getMessage()));
        Files.writeString(directory.resolve("bad.json"), "{\"authority\": 0, \"private_key_seed\": \"zz-secret\"}");
        assertThatThrownBy(() -> ConfigFiles.readSigningKey(directory.resolve("bad.json"), 0))
                .isInstanceOf(ConfigException.class).hasMessageContaining("private_key_seed")
                .hasMessageNotContaining("zz-secret");
    }
}
