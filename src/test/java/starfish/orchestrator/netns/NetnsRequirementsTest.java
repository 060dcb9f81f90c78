package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetnsRequirementsTest {
    private static final Set<String> EVERY_TOOL = Set.of("ip", "sshd", "ssh-keygen", "unshare", "java", "mvn", "git",
            "tmux");

    @Test
    void withoutRootOrSshdTheErrorSaysWhatToInstallAndHowToRun() {
        var missing = NetnsRequirements.missing("1000",
                tool -> EVERY_TOOL.contains(tool) && !tool.equals("sshd"), OptionalInt.of(17));

        assertThatThrownBy(() -> NetnsRequirements.failIfAny(missing))
                .isInstanceOf(NetnsException.class)
                .hasMessageContaining("cloud_provider netns cannot run on this machine")
                .hasMessageContaining("root privileges (run the orchestrator as root, e.g. with sudo)")
                .hasMessageContaining("apt-get install openssh-server")
                .hasMessageNotContaining("iproute2");
    }

    @Test
    void theHostsBuildToolsAreRequiredWithTheirPackages() {
        var missing = NetnsRequirements.missing("0", Set.of("ip", "sshd", "ssh-keygen", "unshare")::contains,
                OptionalInt.empty());

        assertThat(missing).containsExactly(
                "a JDK 17 or newer as `java` (apt-get install openjdk-17-jdk-headless)",
                "Maven's `mvn` (apt-get install maven)",
                "`git` (apt-get install git)",
                "`tmux` (apt-get install tmux)");
    }

    @Test
    void anOlderJavaIsNamedAndAnUnknownVersionIsGivenTheBenefitOfTheDoubt() {
        assertThat(NetnsRequirements.missing("0", EVERY_TOOL::contains, OptionalInt.of(11)))
                .containsExactly("a JDK 17 or newer as `java`, found Java 11 (apt-get install openjdk-17-jdk-headless)");
        assertThat(NetnsRequirements.missing("0", EVERY_TOOL::contains, OptionalInt.empty())).isEmpty();
    }

    @Test
    void rootWithEveryToolMayRunIt() {
        var missing = NetnsRequirements.missing("0", tool -> true, OptionalInt.of(21));

        assertThat(missing).isEmpty();
        assertThatNoException().isThrownBy(() -> NetnsRequirements.failIfAny(missing));
    }

    @Test
    void javasReleaseComesFromItsJdksReleaseFile(@TempDir Path dir) throws Exception {
        Path java = jdk(dir.resolve("jdk-21"), "JAVA_VERSION=\"21.0.2\"\n");
        Path link = Files.createSymbolicLink(dir.resolve("java"), java);
        Path eight = jdk(dir.resolve("jdk-8"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"1.8.0_352\"\n");
        Path unknown = Files.createDirectories(dir.resolve("bare/bin")).resolve("java");
        Files.writeString(unknown, "");

        assertThat(NetnsRequirements.javaRelease(link)).hasValue(21);
        assertThat(NetnsRequirements.javaRelease(eight)).hasValue(8);
        assertThat(NetnsRequirements.javaRelease(unknown)).isEmpty();
    }

    private static Path jdk(Path home, String release) throws Exception {
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "");
        Files.writeString(home.resolve("release"), release);
        return java;
    }
}
