package starfish.orchestrator.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectBackoffTest {

    @Test
    void delayDoublesAfterEachFailureUpToTheCap() {
        ConnectBackoff backoff = new ConnectBackoff(5, Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backoff.attempts()).isEqualTo(6);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(60)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void negativeRetriesAreRejectedWithTheSettingName() {
        assertThatThrownBy(() -> ConnectBackoff.of(-1)).hasMessageContaining("ssh_retries");
    }
}
