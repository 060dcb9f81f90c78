package starfish.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsRendererTest {

    @Test
    void redactsTokensInRepositoryUrls() {
        Settings tokenOnly = new SettingsLoader(Map.<String, String>of()::get).parse(
                "repository: {url: 'https://ghp_SECRET123@github.com/o/r.git', commit: main}\n", "s.yml");
        Settings userAndToken = new SettingsLoader(Map.<String, String>of()::get).parse(
                "repository: {url: 'https://alice:ghp_SECRET456@github.com/o/r.git', commit: main}\n", "s.yml");

        assertThat(SettingsRenderer.render(tokenOnly)).doesNotContain("ghp_SECRET123")
                .contains("https://***@github.com/o/r.git");
        assertThat(SettingsRenderer.render(userAndToken)).doesNotContain("ghp_SECRET456")
                .contains("https://alice:***@github.com/o/r.git");
    }

    @Test
    void neverReadsTheTokenFile(@TempDir Path dir) throws Exception {
        Path token = Files.writeString(dir.resolve("vultr.token"), "TOKEN-CONTENTS-42");
        Settings settings = new SettingsLoader(Map.of("T", token.toString())::get).parse("""
                cloud_provider: vultr
                testbed_id: t
                regions: [ewr]
                specs: s
                token_file: ${T}
                ssh_private_key_file: k
                ssh_public_key_file: k.pub
                """, "s.yml");

        assertThat(SettingsRenderer.render(settings)).contains(token.toString()).doesNotContain("TOKEN-CONTENTS-42");
    }

    @Test
    void rendersSnakeCaseHumanValues() {
        String yaml = SettingsRenderer.render(Settings.defaults());

        assertThat(yaml).contains("cloud_provider: \"local\"").contains("benchmark_duration: \"1m\"")
                .contains("max_instances: 50").contains("vultr_vpc: false");
    }

    @Test
    void redactionLeavesPlainUrlsAlone() {
        assertThat(SecretRedaction.redact("git clone https://github.com/o/r.git x"))
                .isEqualTo("git clone https://github.com/o/r.git x");
        assertThat(SecretRedaction.redact("git clone https://tok@github.com/o/r.git x"))
                .isEqualTo("git clone https://***@github.com/o/r.git x");
    }
}
