package starfish.node.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.crypto.SigningKey;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.RejectionReason;

/**
 * Full-mesh TCP between validators: one connection per pair, dialled by the lower index (which reconnects with
 * backoff while the peer is down). A connection carries messages only once both ends proved their keys
 * (LinkHandshake) within a deadline; until then it holds one of a few pending slots, and it never replaces a live
 * link. Reader threads decode and verify what arrives: a bad frame or block is dropped and counted, a corrupt
 * stream closes its connection; nothing crashes.
 */
public final class Network implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Network.class);
    static final Duration HANDSHAKE_DEADLINE = Duration.ofSeconds(5);
    /** Enough for every peer to (re)connect at once; an attacker holding them all cannot touch live links. */
    static final int MIN_PENDING_HANDSHAKES = 16;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final Committee committee;
    private final int self;
    private final InetAddress bindAddress;
    private final int maxFrameBytes;
    private final MimickedLatency latency;
    private final InboundFrames inbound;
    private final NodeMetrics metrics;
    private final PeerSender[] senders;
    private final LinkHandshake handshake;
    private final PendingHandshakes pending;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile boolean closed;

    public Network(Committee committee, int self, SigningKey key, InetAddress bindAddress, int maxFrameBytes,
            MimickedLatency latency, InboundFrames inbound, NodeMetrics metrics) {
        this.committee = committee;
        this.self = self;
        this.bindAddress = bindAddress;
        this.maxFrameBytes = maxFrameBytes;
        this.latency = latency;
        this.inbound = inbound;
        this.metrics = metrics;
        this.senders = new PeerSender[committee.size()];
        this.handshake = new LinkHandshake(committee, self, key, new SecureRandom());
        this.pending = new PendingHandshakes(Math.max(MIN_PENDING_HANDSHAKES, committee.size()), HANDSHAKE_DEADLINE,
                Integer.toString(self));
        for (int peer = 0; peer < committee.size(); peer++) {
            if (peer != self) {
                senders[peer] = new PeerSender(self, peer, metrics);
            }
        }
    }

    @Override
    public void start() throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bindAddress, committee.authority(self).consensusPort()), 128);
        for (PeerSender sender : senders) {
            if (sender != null) {
                sender.start();
            }
        }
        startThread("acceptor-" + self, this::acceptLoop);
        for (int peer = self + 1; peer < committee.size(); peer++) {
            int target = peer;
            startThread("dialer-" + self + "-to-" + peer, () -> dialLoop(target));
        }
    }

    /** True once a connection to every peer is up. */
    @Override
    public boolean allPeersConnected() {
        for (PeerSender sender : senders) {
            if (sender != null && !sender.isConnected()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int self() {
        return self;
    }

    @Override
    public int size() {
        return committee.size();
    }

    /** The extra delay comes on top of the mimicked latency. */
    @Override
    public void sendFrame(int peer, ByteBuffer frame, long extraDelayNanos) {
        senders[peer].send(frame, latency.delayNanos(self, peer) + extraDelayNanos);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                if (!pending.tryAdmit()) {
                    metrics.reject(RejectionReason.PENDING_HANDSHAKES);
                    closeQuietly(socket);
                    continue;
                }
                Thread reader = new Thread(() -> authenticateAndRead(socket), "reader-" + self);
                reader.setDaemon(true);
                reader.start(); // ends when its connection closes; close() closes every connection
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accepting connections failed: {}", e.getMessage());
                }
            }
        }
    }

    private void authenticateAndRead(Socket socket) {
        Connection connection;
        try {
            connection = new Connection(socket);
        } catch (IOException e) {
            pending.release();
            closeQuietly(socket);
            return;
        }
        connections.add(connection);
        try {
            int peer;
            try {
                peer = authenticated(connection, () -> handshake.accept(connection));
            } finally {
                pending.release();
            }
            readLoop(peer, connection, new FrameReader(connection.input(), maxFrameBytes));
        } catch (IOException e) {
            LOG.debug("an incoming connection failed: {}", e.getMessage());
        } finally {
            connection.close();
            connections.remove(connection);
        }
    }

    /** The handshake's outcome (the peer's index), within the deadline; a failure is counted. */
    private int authenticated(Connection connection, HandshakeStep step) throws IOException {
        ScheduledFuture<?> deadline = pending.closeAtDeadline(connection);
        try {
            return step.run();
        } catch (IOException e) {
            metrics.reject(RejectionReason.HANDSHAKE);
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }

    @FunctionalInterface
    private interface HandshakeStep {
        int run() throws IOException;
    }

    private void dialLoop(int peer) {
        Authority authority = committee.authority(peer);
        long backoffMs = 50;
        while (!closed) {
            Connection connection = null;
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(authority.host(), authority.consensusPort()), 2_000);
                connection = new Connection(socket);
                connections.add(connection);
                Connection dialled = connection;
                authenticated(connection, () -> {
                    handshake.dial(dialled, peer);
                    return peer;
                });
                backoffMs = 50;
                readLoop(peer, connection, new FrameReader(connection.input(), maxFrameBytes));
            } catch (LinkHandshake.HandshakeException e) {
                // at the dialer's pace (backoff), so an attacker cannot flood the log with it; a key mismatch shows
                LOG.warn("no link to validator {}: {}", peer, e.getMessage());
            } catch (IOException e) {
                LOG.debug("connection to {} failed: {}", peer, e.getMessage());
            } finally {
                if (connection != null) {
                    connection.close();
                    connections.remove(connection);
                }
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException e) {
                return;
            }
            backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        }
    }

    private void readLoop(int peer, Connection connection, FrameReader reader) throws IOException {
        LOG.info("validator {} connected to validator {}", self, peer);
        senders[peer].connected(connection);
        metrics.validatorLinksEstablished.inc();
        try {
            byte[] body;
            while (!closed && (body = reader.next()) != null) {
                inbound.deliver(peer, body);
                inbound.awaitCapacity();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (FrameReader.CorruptStreamException e) {
            metrics.reject(e.reason());
            LOG.warn("closing the connection with validator {}: {}", peer, e.getMessage());
        } finally {
            senders[peer].disconnected(connection);
            LOG.info("validator {} disconnected from validator {}", self, peer);
        }
    }

    private void startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // shutting down anyway
        }
        pending.close();
        connections.forEach(Connection::close);
        for (PeerSender sender : senders) {
            if (sender != null) {
                sender.close();
            }
        }
        threads.forEach(Thread::interrupt);
    }
}
