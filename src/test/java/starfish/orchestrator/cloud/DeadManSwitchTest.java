package starfish.orchestrator.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renewal line runs in a real shell whose PATH holds only stand-ins for `id`, `sudo` and `shutdown` that record
 * their arguments: this machine's own shutdown is out of reach.
 */
class DeadManSwitchTest {
    @TempDir
    Path dir;

    private void fake(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }

    /** Runs `line` under /bin/sh with only the fakes on the PATH; returns its exit code and output. */
    private String run(String line) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", line + "; echo \"exit $?\"").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", dir.toString());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aLoginUserSchedulesThePowerOffThroughSudoAndEachRenewalReplacesTheLast() throws Exception {
        fake("id", "echo 1000");
        fake("sudo", "echo \"sudo $*\" >> " + dir.resolve("calls") + "; shift; \"$@\"");
        fake("shutdown", "echo \"shutdown $*\" >> " + dir.resolve("calls"));

        assertThat(run(DeadManSwitch.renewal(Duration.ofHours(4)))).isEqualTo("exit 0\n");
        assertThat(run(DeadManSwitch.renewal(Duration.ofSeconds(90)))).isEqualTo("exit 0\n");

        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly(
                "sudo -n shutdown --no-wall -P +240", "shutdown --no-wall -P +240",
                "sudo -n shutdown --no-wall -P +2", "shutdown --no-wall -P +2");
    }

    @Test
    void rootSchedulesItDirectly() throws Exception {
        fake("id", "echo 0");
        fake("shutdown", "echo \"shutdown $*\" >> " + dir.resolve("calls"));

        assertThat(run(DeadManSwitch.renewal(Duration.ofMinutes(30)))).isEqualTo("exit 0\n");
        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly("shutdown --no-wall -P +30");
    }

    @Test
    void aHostWithoutShutdownOrSudoRunsTheCommandAnywayAndPrintsNothing() throws Exception {
        fake("id", "echo 1000");
        fake("sudo", "echo 'sudo: a password is required' >&2; exit 1");

        assertThat(run(DeadManSwitch.renewal(Duration.ofHours(4)) + "; echo command")).isEqualTo("command\nexit 0\n");
    }
}
