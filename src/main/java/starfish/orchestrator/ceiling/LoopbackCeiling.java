package starfish.orchestrator.ceiling;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical ceiling of a committee on this machine: `n` nodes on loopback, each generating 512-byte transactions
 * and pushing every one to all `n - 1` peers over TCP as fast as the machine allows, each receiver hashing what it
 * gets (SHA-256, the least a validator does). The rate at which every transaction reaches every node bounds any
 * protocol's TPS here; the README's performance figures are given as a share of it.
 */
public final class LoopbackCeiling {
    public static final int TRANSACTION_BYTES = 512;
    private static final int BATCH = 1024;
    private static final Duration WARM_UP = Duration.ofSeconds(1);

    /** Transactions per second delivered to every node, measured over `duration` after a short warm-up. */
    public record Result(int nodes, Duration measured, double deliveredPerSecond) {
    }

    private LoopbackCeiling() {
    }

    public static Result measure(int nodes, Duration duration) throws InterruptedException {
        if (nodes < 2) {
            throw new IllegalArgumentException("a ceiling needs at least 2 nodes, not " + nodes);
        }
        AtomicLong received = new AtomicLong();
        List<Socket> sockets = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            List<OutputStream> outputs = connect(nodes, received, sockets, threads);
            long deadline = System.nanoTime() + WARM_UP.plus(duration).toNanos();
            for (int node = 0; node < nodes; node++) {
                List<OutputStream> peers = outputs.subList(node * (nodes - 1), (node + 1) * (nodes - 1));
                threads.add(started("ceiling-sender-" + node, () -> send(peers, deadline)));
            }
            Thread.sleep(WARM_UP.toMillis());
            long before = received.get();
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis());
            long count = received.get() - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(nodes, duration, count / (double) (nodes - 1) / seconds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect the ceiling's nodes over loopback", e);
        } finally {
            sockets.forEach(LoopbackCeiling::closeQuietly);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(5).toMillis());
            }
        }
    }

    /** Every node's outputs to its peers, node by node; a receiving thread per connection counts and hashes. */
    private static List<OutputStream> connect(int nodes, AtomicLong received, List<Socket> sockets,
            List<Thread> threads) throws IOException {
        List<ServerSocket> servers = new ArrayList<>();
        try {
            for (int node = 0; node < nodes; node++) {
                servers.add(new ServerSocket(0, nodes, InetAddress.getLoopbackAddress()));
            }
            List<OutputStream> outputs = new ArrayList<>();
            for (int from = 0; from < nodes; from++) {
                for (int to = 0; to < nodes; to++) {
                    if (from != to) {
                        Socket out = new Socket(InetAddress.getLoopbackAddress(), servers.get(to).getLocalPort());
                        out.setTcpNoDelay(true);
                        Socket in = servers.get(to).accept();
                        sockets.add(out);
                        sockets.add(in);
                        outputs.add(new BufferedOutputStream(out.getOutputStream(), 1 << 20));
                        threads.add(started("ceiling-receiver-" + from + "-" + to, () -> receive(in, received)));
                    }
                }
            }
            return outputs;
        } finally {
            servers.forEach(LoopbackCeiling::closeQuietly);
        }
    }

    private static void send(List<OutputStream> peers, long deadline) {
        byte[] batch = new byte[TRANSACTION_BYTES * BATCH];
        ThreadLocalRandom.current().nextBytes(batch);
        ByteBuffer stamps = ByteBuffer.wrap(batch);
        try {
            while (System.nanoTime() < deadline) {
                long now = System.currentTimeMillis();
                for (int i = 0; i < BATCH; i++) {
                    stamps.putLong(i * TRANSACTION_BYTES, now); // each transaction is new, as a client's would be
                }
                for (OutputStream peer : peers) {
                    peer.write(batch);
                }
            }
        } catch (IOException closed) {
            // the measurement ended and closed the sockets
        }
    }

    private static void receive(Socket socket, AtomicLong received) {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[TRANSACTION_BYTES * BATCH];
        try (InputStream in = socket.getInputStream()) {
            int filled = 0;
            for (int read; (read = in.read(buffer, filled, buffer.length - filled)) > 0; ) {
                filled += read;
                if (filled == buffer.length) {
                    sha256.update(buffer);
                    sha256.digest();
                    received.addAndGet(BATCH);
                    filled = 0;
                }
            }
        } catch (IOException closed) {
            // the measurement ended and closed the sockets
        }
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing at the end of the measurement: nothing left to do with it
        }
    }
}
