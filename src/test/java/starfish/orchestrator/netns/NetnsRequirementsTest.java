package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NetnsRequirementsTest {

    @Test
    void withoutRootOrSshdTheErrorSaysWhatToInstallAndHowToRun() {
        var missing = NetnsRequirements.missing("1000", Set.of("ip", "unshare", "ssh-keygen")::contains);

        assertThatThrownBy(() -> NetnsRequirements.failIfAny(missing))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("cloud_provider netns cannot run on this machine")
                .hasMessageContaining("root privileges (run the orchestrator as root, e.g. with sudo)")
                .hasMessageContaining("apt-get install openssh-server")
                .hasMessageNotContaining("iproute2");
    }

    @Test
    void rootWithEveryToolMayRunIt() {
        var missing = NetnsRequirements.missing("0", tool -> true);

        assertThat(missing).isEmpty();
        assertThatNoException().isThrownBy(() -> NetnsRequirements.failIfAny(missing));
    }
}
