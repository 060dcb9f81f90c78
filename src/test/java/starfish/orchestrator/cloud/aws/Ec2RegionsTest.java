package starfish.orchestrator.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Where the EC2 clients' credentials come from: token_file's [default] profile, or the SDK's default chain. */
class Ec2RegionsTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

    @TempDir
    Path dir;

    @Test
    void theDefaultProfileOfTokenFileGivesTheKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = " + SECRET_KEY + "\n");

        var credentials = Ec2Regions.credentials(Optional.of(file)).resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(credentials.secretAccessKey()).isEqualTo(SECRET_KEY);
    }

    @Test
    void aTokenFileWithoutTheDefaultProfileIsRefusedWithoutEchoingItsKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "[work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = " + SECRET_KEY + "\n");

        assertThatThrownBy(() -> Ec2Regions.credentials(Optional.of(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token_file " + file + " has no [default] profile")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET_KEY));
    }

    @Test
    void aMissingTokenFileIsNamedWithWhatItShouldHold() {
        Path file = dir.resolve("absent");

        assertThatThrownBy(() -> Ec2Regions.credentials(Optional.of(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token_file " + file + " cannot be read")
                .hasMessageContaining("AWS credentials file with a [default] profile");
    }

    @Test
    void withoutTokenFileTheSdksDefaultChainIsUsed() {
        assertThat(Ec2Regions.credentials(Optional.empty())).isInstanceOf(DefaultCredentialsProvider.class);
    }
}
