package starfish.orchestrator.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/** The scripts' fallback for hosts without tmux: nohup and setsid, with a pid file. */
class DetachedScriptsTest {
    // everything the scripts and the detached command call, except tmux
    private static final List<String> TOOLS = List.of("sh", "mkdir", "dirname", "nohup", "setsid", "cat", "head",
            "ps", "awk", "sleep", "rm");

    @TempDir
    Path dir;

    private final Instance host = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);

    @Test
    void withoutTmuxTheCommandRunsUnderNohupWithAPidFileAndStopEndsIt() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        String withoutTmux = "PATH=" + toolsWithoutTmux() + "; export PATH\n";
        try (LocalRunner runner = new LocalRunner(instance -> home)) {
            assertThat(runner.execute(host, withoutTmux + "command -v tmux || echo hidden").stdout().strip())
                    .isEqualTo("hidden");

            runner.execute(host, withoutTmux
                    + DetachedScripts.start("node-0", "echo started; exec sleep 612", "logs/node-0.log"));

            long pid = Long.parseLong(Files.readString(home.resolve(".node-0.pid")).strip());
            assertThat(isLive(pid)).isTrue();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(home.resolve("logs/node-0.log")).content().isEqualTo("started\n"));

            runner.execute(host, withoutTmux + DetachedScripts.stop("node-0"));

            assertThat(isLive(pid)).isFalse();
            assertThat(home.resolve(".node-0.pid")).doesNotExist();
        }
    }

    /** A directory of the tools the scripts need, found on this machine's PATH, and nothing else. */
    private Path toolsWithoutTmux() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        for (String tool : TOOLS) {
            Path found = Stream.of(System.getenv("PATH").split(":")).map(entry -> Path.of(entry, tool))
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(tool + " is not on the PATH"));
            // a wrapper rather than a symbolic link, which JUnit warns about when it deletes the directory
            Path wrapper = Files.writeString(bin.resolve(tool), "#!/bin/sh\nexec " + found + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        }
        return bin;
    }

    /** Running and not a zombie: the process that started it may not be there to reap it. */
    private static boolean isLive(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.notExists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }
}
