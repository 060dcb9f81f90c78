package starfish.orchestrator.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.runner.CommandFailedException;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.testbed.HostTraits;

/** Connection retries, backoff and timeouts against ports on 127.0.0.1 that never speak SSH. */
class SshRunnerConnectTest {
    private static final Instance LOOPBACK = new Instance("h0", "local", "127.0.0.1", "127.0.0.1",
            InstanceStatus.ACTIVE);

    @TempDir
    Path dir;

    @Test
    void closedPortIsRetriedWithBackoffThenReported() throws IOException {
        int closedPort = PortAllocator.basePort(HostTraits.LOOPBACK, 1);
        ConnectBackoff backoff = new ConnectBackoff(2, Duration.ofMillis(150), Duration.ofSeconds(1));
        long started = System.nanoTime();

        try (SshRunner runner = runner(closedPort, Duration.ofSeconds(1), backoff)) {
            assertThatThrownBy(() -> runner.execute(LOOPBACK, "true"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("h0 (127.0.0.1)")
                    .hasMessageContaining("after 3 attempt(s)")
                    .hasMessageContaining("refused");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        // the upper bound only says it gave up: starting an SSH client takes seconds on a loaded machine
        assertThat(elapsed).isBetween(Duration.ofMillis(150 + 300), Duration.ofSeconds(20));
    }

    @Test
    void silentServerTimesOutOnEveryAttempt() throws IOException {
        ConnectBackoff backoff = new ConnectBackoff(1, Duration.ofMillis(50), Duration.ofMillis(50));
        try (SilentServer server = new SilentServer();
                SshRunner runner = runner(server.port(), Duration.ofMillis(300), backoff)) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> runner.execute(LOOPBACK, "true"))
                    .isInstanceOf(CommandFailedException.class)
                    .hasMessageContaining("after 2 attempt(s) with a timeout of 300 ms");

            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(elapsed).isBetween(Duration.ofMillis(2 * 300 + 50), Duration.ofSeconds(20));
        }
    }

    private SshRunner runner(int port, Duration timeout, ConnectBackoff backoff) {
        return new SshRunner(SshTestSettings.with(dir, timeout, backoff.retries()), "root", dir.resolve("no-key"),
                dir.resolve("known_hosts"), port, backoff);
    }

    /** Accepts TCP connections on 127.0.0.1 and never says a word. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<Socket> open = new ArrayList<>();
        private final Thread acceptor = new Thread(this::acceptForever, "silent-server");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void acceptForever() {
            try {
                while (true) {
                    Socket connection = socket.accept();
                    synchronized (open) {
                        open.add(connection);
                    }
                    accepted.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket connection : open) {
                    connection.close();
                }
            }
        }
    }
}
