package starfish.orchestrator.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

class LocalRunnerTest {
    @TempDir
    Path root;

    private LocalRunner runner;
    private final Instance first = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);
    private final Instance second = new Instance("local-1", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);

    @BeforeEach
    void createHosts() throws Exception {
        Files.createDirectories(root.resolve(first.id()));
        Files.createDirectories(root.resolve(second.id()));
        runner = new LocalRunner(instance -> root.resolve(instance.id()));
    }

    @AfterEach
    void stopEverything() {
        runner.close();
    }

    @Test
    void executesInTheHostsOwnWorkingDirectory() {
        runner.execute(first, "echo one > marker");

        CommandOutput output = runner.execute(first, "cat marker; pwd; echo problem >&2");

        assertThat(output.exitCode()).isZero();
        assertThat(output.stdout()).contains("one").contains(root.resolve("local-0").toString());
        assertThat(output.stderr()).contains("problem");
        assertThat(root.resolve("local-1/marker")).doesNotExist();
    }

    @Test
    void nonZeroExitThrowsNamingHostCommandAndStderrWithoutSecrets() {
        assertThatThrownBy(() -> runner.execute(second,
                "echo cannot reach https://tok3n@example.invalid/x >&2; exit 3"))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageContaining("local-1").hasMessageContaining("exit code 3")
                .hasMessageContaining("cannot reach").hasMessageNotContaining("tok3n")
                .satisfies(e -> assertThat(((CommandFailedException) e).host()).isEqualTo("local-1"));
    }

    @Test
    void executeAllNamesEveryFailedHost() {
        assertThatThrownBy(() -> runner.executeAll(List.of(first, second), "test -f only-here"))
                .isInstanceOf(CommandFailedException.class).hasMessageContaining("local-0")
                .hasMessageContaining("local-1");

        runner.execute(first, "touch only-here");
        Map<Instance, CommandOutput> outputs = runner.executeAll(List.of(first), "test -f only-here && echo ok");
        assertThat(outputs.get(first).stdout()).contains("ok");
    }

    @Test
    void stopDetachedKillsTheWholeProcessTree() throws Exception {
        // sh starts two sleeping grandchildren; their pids land in a file so the test can watch them.
        runner.startDetached(first, "tree", "sleep 300 & echo $! > pids; sleep 300 & echo $! >> pids; echo started;"
                + " wait", "tree.log");
        Path pids = root.resolve("local-0/pids");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(pids) && Files.readAllLines(pids).size() == 2);
        List<ProcessHandle> sleepers = Files.readAllLines(pids).stream().map(Long::parseLong)
                .map(ProcessHandle::of).map(Optional::orElseThrow).toList();
        assertThat(sleepers).allMatch(ProcessHandle::isAlive);
        assertThat(runner.isRunning(first, "tree")).isTrue();

        runner.stopDetached(first, "tree");

        await().atMost(Duration.ofSeconds(5)).until(() -> sleepers.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(runner.isRunning(first, "tree")).isFalse();
        assertThat(Files.readString(root.resolve("local-0/tree.log"))).contains("started");
    }

    @Test
    void closeStopsEveryDetachedCommand() throws Exception {
        runner.startDetached(first, "a", "echo $$ > pid; exec sleep 300", "a.log");
        runner.startDetached(second, "b", "echo $$ > pid; exec sleep 300", "b.log");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(root.resolve("local-0/pid"))
                && Files.exists(root.resolve("local-1/pid")) && !Files.readString(root.resolve("local-1/pid")).isBlank());
        ProcessHandle a = ProcessHandle.of(Long.parseLong(Files.readString(root.resolve("local-0/pid")).strip()))
                .orElseThrow();

        runner.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> !a.isAlive());
        assertThat(runner.isRunning(second, "b")).isFalse();
    }

    @Test
    void uploadAndDownloadCopyFiles(@TempDir Path local) throws Exception {
        Path source = Files.writeString(local.resolve("in.txt"), "payload");

        runner.upload(first, source, "sub/dir/copy.txt");
        runner.download(first, "sub/dir/copy.txt", local.resolve("back/out.txt"));

        assertThat(root.resolve("local-0/sub/dir/copy.txt")).hasContent("payload");
        assertThat(local.resolve("back/out.txt")).hasContent("payload");
    }
}
