package starfish.node.runtime;

/**
 * Runs one component's tasks one at a time, in the order they were submitted, and its timers: a thread of its own
 * in a deployment, the simulation's scheduler in virtual time. After close, submitted tasks are ignored.
 */
public interface TaskExecutor extends AutoCloseable {

    void execute(Runnable task);

    Cancellable schedule(long delayNanos, Runnable task);

    @Override
    void close();
}
