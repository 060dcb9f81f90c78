package starfish.simulation;

import java.util.PriorityQueue;
import starfish.node.runtime.Cancellable;
import starfish.node.runtime.Clock;

/**
 * The simulation's one thread of control: events in virtual time, run in time order and, at equal times, in the
 * order they were scheduled, so that a run depends on nothing but its inputs. Events take no virtual time.
 */
public final class EventScheduler {

    /** Virtual wall-clock time 0: a fixed date, so that block and transaction timestamps repeat from run to run. */
    private static final long EPOCH_MS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    private static final class Event implements Cancellable {
        final long atNanos;
        final long sequence;
        final Runnable task;
        boolean cancelled;

        Event(long atNanos, long sequence, Runnable task) {
            this.atNanos = atNanos;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
            ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.sequence, b.sequence));
    private long nowNanos;
    private long sequence;
    private long executed;

    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return nowNanos;
        }

        @Override
        public long currentTimeMillis() {
            return EPOCH_MS + nowNanos / 1_000_000;
        }
    };

    /** Virtual time: nanoseconds since the simulation began, and a wall clock starting at a fixed date. */
    public Clock clock() {
        return clock;
    }

    public long nowNanos() {
        return nowNanos;
    }

    /** Events run so far (a measure of the simulation's work). */
    public long executed() {
        return executed;
    }

    /** Runs `task` at virtual time `atNanos` (now, if that has passed). */
    public Cancellable at(long atNanos, Runnable task) {
        Event event = new Event(Math.max(atNanos, nowNanos), sequence++, task);
        queue.add(event);
        return event;
    }

    public Cancellable after(long delayNanos, Runnable task) {
        return at(nowNanos + Math.max(0, delayNanos), task);
    }

    /** Runs every event due up to `endNanos`, then leaves the clock there. */
    public void runUntil(long endNanos) {
        while (!queue.isEmpty() && queue.peek().atNanos <= endNanos) {
            Event event = queue.poll();
            if (event.cancelled) {
                continue;
            }
            nowNanos = event.atNanos;
            executed++;
            event.task.run();
        }
        nowNanos = Math.max(nowNanos, endNanos);
    }
}
