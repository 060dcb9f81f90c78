package starfish.node.net;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.metrics.NodeMetrics;

/**
 * The outgoing queue of one peer and the thread that drains it. Each frame carries a due time (now plus the
 * mimicked delay, never earlier than the frame before it, so order is kept); waiting for it delays only this peer.
 * While the peer is unreachable frames wait in the queue, up to a byte budget beyond which new frames are dropped
 * (the synchronizer recovers what they carried).
 */
final class PeerSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerSender.class);
    /** Enough to ride out a reconnect; a peer that stays down must not fill the heap. */
    private static final long MAX_QUEUED_BYTES = 32L * 1024 * 1024;

    private record Outbound(long dueNanos, ByteBuffer frame) {
    }

    private final int peer;
    private final NodeMetrics metrics;
    private final LinkedBlockingQueue<Outbound> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Object connectionLock = new Object();
    private final Thread thread;
    private Connection connection;
    private long lastDueNanos;
    private volatile boolean closed;

    PeerSender(int self, int peer, NodeMetrics metrics) {
        this.peer = peer;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "sender-" + self + "-to-" + peer);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a whole frame (the buffer is shared between peers and never modified). */
    synchronized void send(ByteBuffer frame, long delayNanos) {
        if (queuedBytes.get() > MAX_QUEUED_BYTES) {
            return;
        }
        long due = Math.max(System.nanoTime() + delayNanos, lastDueNanos);
        lastDueNanos = due;
        queuedBytes.addAndGet(frame.remaining());
        queue.add(new Outbound(due, frame));
    }

    void connected(Connection newConnection) {
        synchronized (connectionLock) {
            if (connection != null) {
                connection.close();
            }
            connection = newConnection;
            connectionLock.notifyAll();
        }
    }

    boolean isConnected() {
        synchronized (connectionLock) {
            return connection != null;
        }
    }

    void disconnected(Connection old) {
        synchronized (connectionLock) {
            if (connection == old) {
                connection = null;
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                Outbound next = queue.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                waitUntil(next.dueNanos());
                Connection target = awaitConnection();
                if (target == null) {
                    return;
                }
                queuedBytes.addAndGet(-next.frame().remaining());
                write(target, next.frame());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Connection target, ByteBuffer frame) {
        try {
            OutputStream out = target.output();
            ByteBuffer view = frame.duplicate();
            out.write(view.array(), view.arrayOffset() + view.position(), view.remaining());
            if (queue.isEmpty() || queue.peek().dueNanos() > System.nanoTime()) {
                out.flush();
            }
            metrics.bytesSent.inc(view.remaining());
        } catch (IOException e) {
            LOG.debug("sending to {} failed: {}", peer, e.getMessage());
            target.close();
            disconnected(target);
        }
    }

    private static void waitUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private Connection awaitConnection() throws InterruptedException {
        synchronized (connectionLock) {
            while (connection == null && !closed) {
                connectionLock.wait(200);
            }
            return closed ? null : connection;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        synchronized (connectionLock) {
            if (connection != null) {
                connection.close();
            }
            connectionLock.notifyAll();
        }
    }
}
