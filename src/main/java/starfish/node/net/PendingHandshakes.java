package starfish.node.net;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds what connections that have not proved who they are may hold: at most `limit` accepted sockets at a time
 * (each with its thread), and a deadline for the whole handshake, after which the connection is closed, however
 * slowly its bytes trickle in.
 */
final class PendingHandshakes implements AutoCloseable {

    private final Semaphore slots;
    private final Duration deadline;
    private final ScheduledExecutorService timer;

    PendingHandshakes(int limit, Duration deadline, String owner) {
        this.slots = new Semaphore(limit);
        this.deadline = deadline;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "handshake-deadlines-" + owner);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes a slot for an accepted socket; false when all are taken (the socket must be refused). */
    boolean tryAdmit() {
        return slots.tryAcquire();
    }

    void release() {
        slots.release();
    }

    /** Closes `connection` when the deadline passes; cancel the result once the handshake succeeded. */
    ScheduledFuture<?> closeAtDeadline(Connection connection) {
        return timer.schedule(connection::close, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
