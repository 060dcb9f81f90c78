package starfish.node.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.dag.MalformedException;
import starfish.node.metrics.NodeMetrics;
import starfish.node.metrics.RejectionReason;

/**
 * Full-mesh TCP between validators: one connection per pair, dialled by the lower index (which reconnects with
 * backoff while the peer is down); the dialer's first frame names it. Reader threads decode and verify what
 * arrives: a bad frame or block is dropped and counted, a corrupt stream closes its connection; nothing crashes.
 */
public final class Network implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(Network.class);
    private static final int HANDSHAKE_TIMEOUT_MS = 5_000;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final Committee committee;
    private final int self;
    private final InetAddress bindAddress;
    private final int maxFrameBytes;
    private final MimickedLatency latency;
    private final InboundFrames inbound;
    private final NodeMetrics metrics;
    private final PeerSender[] senders;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private volatile boolean closed;

    public Network(Committee committee, int self, InetAddress bindAddress, int maxFrameBytes, MimickedLatency latency,
            InboundFrames inbound, NodeMetrics metrics) {
        this.committee = committee;
        this.self = self;
        this.bindAddress = bindAddress;
        this.maxFrameBytes = maxFrameBytes;
        this.latency = latency;
        this.inbound = inbound;
        this.metrics = metrics;
        this.senders = new PeerSender[committee.size()];
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
                Thread reader = new Thread(() -> handshakeAndRead(socket), "reader-" + self);
                reader.setDaemon(true);
                reader.start(); // ends when its connection closes; close() closes every connection
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("accepting connections failed: {}", e.getMessage());
                }
            }
        }
    }

    private void handshakeAndRead(Socket socket) {
        Connection connection;
        try {
            connection = new Connection(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        connections.add(connection);
        try {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MS);
            FrameReader reader = new FrameReader(connection.input(), maxFrameBytes);
            byte[] first = reader.next();
            Message hello = first == null ? null : MessageCodec.decode(first);
            if (!(hello instanceof Message.Hello h) || h.authority() >= self || h.authority() < 0) {
                metrics.reject(RejectionReason.HANDSHAKE);
                LOG.warn("closing a connection from {} that did not introduce itself as a lower-index validator",
                        socket.getRemoteSocketAddress());
                return;
            }
            metrics.bytesReceived.inc(4 + first.length);
            socket.setSoTimeout(0);
            readLoop(h.authority(), connection, reader);
        } catch (SocketTimeoutException | MalformedException e) {
            metrics.reject(RejectionReason.HANDSHAKE);
        } catch (IOException e) {
            LOG.debug("connection failed during handshake: {}", e.getMessage());
        } finally {
            connection.close();
            connections.remove(connection);
        }
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
                ByteBuffer hello = MessageCodec.encode(new Message.Hello(self));
                connection.output().write(hello.array(), 0, hello.remaining());
                connection.output().flush();
                metrics.bytesSent.inc(hello.remaining());
                backoffMs = 50;
                readLoop(peer, connection, new FrameReader(connection.input(), maxFrameBytes));
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
        try {
            byte[] body;
            while (!closed && (body = reader.next()) != null) {
                inbound.deliver(peer, body);
            }
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
        connections.forEach(Connection::close);
        for (PeerSender sender : senders) {
            if (sender != null) {
                sender.close();
            }
        }
        threads.forEach(Thread::interrupt);
    }
}
