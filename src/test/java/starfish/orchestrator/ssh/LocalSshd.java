package starfish.orchestrator.ssh;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.testbed.HostTraits;

/**
 * A real OpenSSH sshd on 127.0.0.1 and a free port, accepting only a freshly generated ed25519 client key, with
 * host keys of the given types (ed25519 by default).
 */
final class LocalSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    final Path dir;
    final Path clientKey;
    final int port;
    private final Process process;

    private LocalSshd(Path dir, Path clientKey, int port, Process process) {
        this.dir = dir;
        this.clientKey = clientKey;
        this.port = port;
        this.process = process;
    }

    /** Skips the calling test unless sshd can run here (it needs root and openssh-server). */
    static LocalSshd start(Path dir) throws IOException, InterruptedException {
        return start(dir, "ed25519");
    }

    /** With a host key of each of `hostKeyTypes` (ssh-keygen's -t names); the first is publicHostKey(). */
    static LocalSshd start(Path dir, String... hostKeyTypes) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SSHD), "needs /usr/sbin/sshd (apt-get install openssh-server)");
        assumeTrue("root".equals(System.getProperty("user.name")), "sshd needs root to switch users");
        Files.createDirectories(Path.of("/run/sshd"));
        StringBuilder hostKeys = new StringBuilder();
        for (int n = 0; n < hostKeyTypes.length; n++) {
            hostKeys.append("HostKey ").append(keygen(dir.resolve(n == 0 ? "host_key" : "host_key_" + hostKeyTypes[n]),
                    hostKeyTypes[n])).append('\n');
        }
        Path clientKey = keygen(dir.resolve("client_key"));
        Files.copy(clientKey.resolveSibling("client_key.pub"), dir.resolve("authorized_keys"));
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1:" + port,
                hostKeys.toString().strip(),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "StrictModes no", "UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "Subsystem sftp internal-sftp", ""));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> accepts(port) || !process.isAlive());
        assumeTrue(process.isAlive(), () -> "sshd did not start: " + read(dir.resolve("sshd.log")));
        return new LocalSshd(dir, clientKey, port, process);
    }

    Path publicHostKey() {
        return dir.resolve("host_key.pub");
    }

    static Path keygen(Path file) throws IOException, InterruptedException {
        return keygen(file, "ed25519");
    }

    static Path keygen(Path file, String type) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "test", "-f",
                file.toString()).redirectErrorStream(true).start();
        if (keygen.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes()));
        }
        return file;
    }

    private static int freePort() {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 1);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
