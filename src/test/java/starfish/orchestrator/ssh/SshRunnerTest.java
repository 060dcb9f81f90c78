package starfish.orchestrator.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.runner.CommandFailedException;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/** SshRunner against a real OpenSSH sshd on 127.0.0.1 (skipped where sshd cannot run). */
class SshRunnerTest {
    private static final ConnectBackoff QUICK = new ConnectBackoff(1, Duration.ofMillis(50), Duration.ofMillis(50));

    @TempDir
    Path dir;
    private LocalSshd sshd;
    private Path work;
    private Path knownHosts;

    @BeforeEach
    void startSshd() throws Exception {
        sshd = LocalSshd.start(Files.createDirectories(dir.resolve("sshd")));
        work = dir.resolve("work");
        knownHosts = dir.resolve("known_hosts");
    }

    @AfterEach
    void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void runsCommandsInTheWorkingDirectoryAndRecordsTheHostKeyOnFirstUse() throws Exception {
        try (SshRunner runner = runner()) {
            CommandOutput output = runner.execute(host("h0", "127.0.0.1"), "pwd; echo oops >&2");

            assertThat(output.stdout().strip()).isEqualTo(work.toString());
            assertThat(output.stderr().strip()).isEqualTo("oops");
        }
        String recordedKey = Files.readString(sshd.publicHostKey()).split(" ")[1];
        assertThat(Files.readString(knownHosts)).contains("[127.0.0.1]:" + sshd.port).contains(recordedKey);
    }

    @Test
    void failingCommandNamesHostAndStderrButNotTheToken() {
        try (SshRunner runner = runner()) {
            assertThatThrownBy(() -> runner.execute(host("h0", "127.0.0.1"),
                    "echo fetching https://oauth2:tok3n-value@git.example/r.git >&2; exit 3"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("h0 (127.0.0.1)")
                    .hasMessageContaining("exit code 3")
                    .hasMessageContaining("fetching https://oauth2:***@git.example/r.git")
                    .hasMessageNotContaining("tok3n-value");
        }
    }

    @Test
    void changedHostKeyIsRefusedWithAClearError() throws Exception {
        Path otherKey = LocalSshd.keygen(dir.resolve("other_host_key"));
        String[] other = Files.readString(otherKey.resolveSibling("other_host_key.pub")).split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port + " " + other[0] + " " + other[1] + "\n");

        try (SshRunner runner = runner()) {
            assertThatThrownBy(() -> runner.execute(host("h0", "127.0.0.1"), "true"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("host key of 127.0.0.1 differs from the one recorded in " + knownHosts)
                    .hasMessageContaining("delete its line");
        }
    }

    @Test
    void fanOutReportsTheOneBadHostAndCompletesTheOthers() throws Exception {
        List<Instance> hosts = List.of(host("h0", "127.0.0.1"), host("h1", "127.0.0.1"), host("bad", "127.0.0.2"),
                host("h3", "127.0.0.1"), host("h4", "127.0.0.1"));

        try (SshRunner runner = runner()) {
            assertThatThrownBy(() -> runner.executeAll(hosts, "echo done >> fan-out.txt"))
                    .isInstanceOfSatisfying(CommandFailedException.class, failure -> {
                        assertThat(failure.host()).isEqualTo("bad (127.0.0.2)");
                        assertThat(failure.getMessage()).contains("1 of 5 hosts failed").contains("127.0.0.2");
                    });

            Map<Instance, CommandOutput> outputs = runner.executeAll(hosts.subList(0, 2), "hostname");
            assertThat(outputs).hasSize(2);
        }
        assertThat(Files.readAllLines(work.resolve("fan-out.txt"))).containsExactly("done", "done", "done", "done");
    }

    @Test
    void detachedCommandRunsUntilStoppedAndLogsToItsFile() throws Exception {
        Instance host = host("h0", "127.0.0.1");
        try (SshRunner runner = runner()) {
            runner.startDetached(host, "ticker", "echo started; exec sleep 600", "logs/ticker.log");
            assertThat(runner.execute(host, "pgrep -f 'sleep 60[0]' || true").stdout()).isNotBlank();

            runner.stopDetached(host, "ticker");

            assertThat(runner.execute(host, "pgrep -f 'sleep 60[0]' || true").stdout()).isBlank();
            assertThat(Files.readString(work.resolve("logs/ticker.log"))).contains("started");
            runner.stopDetached(host, "ticker");
        }
    }

    @Test
    void uploadsAndDownloadsFilesRelativeToTheWorkingDirectory() throws Exception {
        Path local = Files.writeString(dir.resolve("payload.txt"), "payload\n");
        Instance host = host("h0", "127.0.0.1");
        try (SshRunner runner = runner()) {
            runner.upload(host, local, "nested/dir/payload.txt");
            assertThat(runner.execute(host, "cat nested/dir/payload.txt").stdout()).isEqualTo("payload\n");

            runner.execute(host, "echo result > out.txt");
            runner.download(host, "out.txt", dir.resolve("downloaded/out.txt"));
        }
        assertThat(Files.readString(dir.resolve("downloaded/out.txt"))).isEqualTo("result\n");
    }

    private SshRunner runner() {
        return new SshRunner(SshTestSettings.with(work, Duration.ofSeconds(2), QUICK.retries()), "root",
                sshd.clientKey, knownHosts, sshd.port, QUICK);
    }

    private static Instance host(String id, String ip) {
        return new Instance(id, "local", ip, ip, InstanceStatus.ACTIVE);
    }

    /** Pins the public key in `publicKeyFile` for the test's sshd in the known_hosts file. */
    private void pin(Path publicKeyFile) throws Exception {
        String[] key = Files.readString(publicKeyFile).split(" ");
        Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port + " " + key[0] + " " + key[1] + "\n");
    }

    @Test
    void aHostPinnedWithOneKeyTypeIsRefusedWhenItOffersOnlyAnother() throws Exception {
        Path ecdsa = LocalSshd.keygen(dir.resolve("ecdsa_host_key"), "ecdsa");
        pin(ecdsa.resolveSibling("ecdsa_host_key.pub"));
        String pinned = Files.readString(knownHosts);

        try (SshRunner runner = runner()) {
            assertThatThrownBy(() -> runner.execute(host("h0", "127.0.0.1"), "true"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("offers no key of the type pinned for it [ecdsa-sha2-nistp256]")
                    .hasMessageContaining("delete its lines");
        }
        assertThat(Files.readString(knownHosts)).as("the ed25519 key the host offered is not recorded").isEqualTo(pinned);
    }

    @Test
    void aCommandPastSshCommandTimeoutIsKilledAndTheHostStaysUsable() throws Exception {
        Settings settings = SshTestSettings.with(work, Duration.ofSeconds(2), QUICK.retries());
        Settings.Ssh ssh = settings.ssh();
        Settings quick = settings.withSsh(new Settings.Ssh(ssh.privateKeyFile(), ssh.publicKeyFile(), ssh.timeout(),
                ssh.retries(), Duration.ofSeconds(3), ssh.instanceLifetime()));
        Path pid = dir.resolve("command.pid");
        try (SshRunner runner = new SshRunner(quick, "root", sshd.clientKey, knownHosts, sshd.port, QUICK)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> runner.execute(host("h0", "127.0.0.1"), "echo $$ > " + pid + "; sleep 30"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("did not finish within ssh_command_timeout (3s)");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

            assertThat(runner.execute(host("h0", "127.0.0.1"), "echo still here").stdout()).isEqualTo("still here\n");
        }
        Path process = Path.of("/proc", Files.readString(pid).strip());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(process));
    }

    @Test
    void thePreludeRunsBeforeEveryCommandWithoutShowingInItsOutput() throws Exception {
        Path marks = dir.resolve("prelude-marks");
        try (SshRunner runner = new SshRunner(SshTestSettings.with(work, Duration.ofSeconds(2), QUICK.retries()),
                "root", sshd.clientKey, knownHosts, sshd.port, QUICK, "echo renewed >> " + marks)) {
            assertThat(runner.execute(host("h0", "127.0.0.1"), "echo one").stdout()).isEqualTo("one\n");
            assertThat(runner.execute(host("h0", "127.0.0.1"), "echo two").stdout()).isEqualTo("two\n");
        }
        assertThat(Files.readAllLines(marks)).containsExactly("renewed", "renewed");
    }
}
