package starfish.simulation;

import starfish.node.runtime.Cancellable;
import starfish.node.runtime.TaskExecutor;

/** A validator component's executor on the event scheduler: its tasks wait while the validator is busy. */
final class SimulatedExecutor implements TaskExecutor {

    private final EventScheduler.Lane lane;
    private final SimulatedHost host;
    private boolean closed;

    SimulatedExecutor(EventScheduler.Lane lane, SimulatedHost host) {
        this.lane = lane;
        this.host = host;
    }

    @Override
    public void execute(Runnable task) {
        lane.at(host.busyUntil(), () -> run(task));
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        return lane.after(delayNanos, () -> execute(task));
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
