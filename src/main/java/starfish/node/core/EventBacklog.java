package starfish.node.core;

/**
 * Events queued for the core but not handled yet. A reader thread waits while the backlog is full, so that a peer
 * sending faster than the core handles is slowed down through TCP instead of filling the heap. Only transports whose
 * readers are threads of their own wait here (a simulation delivers on the core's own thread and must not).
 */
final class EventBacklog {

    private static final long RECHECK_MS = 100;

    private final int limit;
    private final Runnable onFull;
    private int queued;
    private boolean closed;

    EventBacklog(int limit, Runnable onFull) {
        this.limit = limit;
        this.onFull = onFull;
    }

    synchronized void added() {
        queued++;
    }

    synchronized void handled() {
        queued--;
        if (queued < limit) {
            notifyAll();
        }
    }

    /** Returns once the backlog has room (or the core is closing). */
    synchronized void awaitRoom() throws InterruptedException {
        if (queued < limit || closed) {
            return;
        }
        onFull.run();
        while (queued >= limit && !closed) {
            wait(RECHECK_MS);
        }
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
