package starfish.simulation;

import starfish.node.runtime.Cancellable;
import starfish.node.runtime.TaskExecutor;

/** A validator component's executor on the event scheduler: its tasks wait while the validator is busy. */
final class SimulatedExecutor implements TaskExecutor {

    private final EventScheduler scheduler;
    private final SimulatedHost host;
    private boolean closed;

    SimulatedExecutor(EventScheduler scheduler, SimulatedHost host) {
        this.scheduler = scheduler;
        this.host = host;
    }

    @Override
    public void execute(Runnable task) {
        scheduler.at(host.busyUntil(), () -> run(task));
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        return scheduler.after(delayNanos, () -> execute(task));
    }

    private void run(Runnable task) {
        if (!closed) {
            task.run();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
