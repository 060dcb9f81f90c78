package starfish.orchestrator.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void masksCredentialsInsideUrls() {
        String redacted = SecretRedactor.redact("git clone https://x-access-token:ghp_s3cret@github.com/o/r.git dir");

        assertThat(redacted).isEqualTo("git clone https://***@github.com/o/r.git dir").doesNotContain("ghp_s3cret");
    }

    @Test
    void masksTokenParametersAndBearerHeaders() {
        String redacted = SecretRedactor.redact(
                "curl -H 'Authorization: Bearer abc.def' 'https://api.example/v2?per_page=5&token=t0k3n&x=1'");

        assertThat(redacted).doesNotContain("abc.def").doesNotContain("t0k3n")
                .contains("Bearer ***").contains("per_page=5&token=***&x=1");
    }

    @Test
    void leavesCommandsWithoutSecretsAlone() {
        String command = "cd repo && git fetch https://github.com/o/r.git && mvn -o -q package user@host";

        assertThat(SecretRedactor.redact(command)).isEqualTo(command);
    }
}
