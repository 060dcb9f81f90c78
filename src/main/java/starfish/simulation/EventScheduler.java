package starfish.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import starfish.node.runtime.Cancellable;
import starfish.node.runtime.Clock;

/**
 * Virtual time for a simulated committee: lanes of events (one per validator, or per group of validators close to
 * each other), each run in time order and, at equal times, in the order it was scheduled; events take no virtual
 * time. Lanes touch each other only through events posted to another lane, which the network posts at least the
 * shortest one-way delay between lanes (the lookahead) later.
 * So the lanes run in windows of that length: within a window no lane can affect another, and the lanes may run on
 * several threads (conservative parallel discrete-event simulation). Posted events join their lanes after the
 * window, in lane order: a run depends on its inputs only, never on the number of threads.
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

    private record Posted(long atNanos, Runnable task) {
    }

    /** One validator's events; run by one thread at a time. */
    public final class Lane {

        private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> a.atNanos != b.atNanos
                ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.sequence, b.sequence));
        private final int index;
        /**
         * Events posted to each lane, by the parity of the window that posted them: a lane takes in the last
         * window's while the others post this window's.
         */
        private final List<List<List<Posted>>> outboxes = List.of(new ArrayList<>(), new ArrayList<>());
        private final long[] earliestPosted = {Long.MAX_VALUE, Long.MAX_VALUE};
        private long nowNanos;
        private long sequence;
        private long executed;
        /** How long its last window took to run: the longest lanes are taken first. */
        private long workNanos;

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

        private Lane(int index, int lanes) {
            this.index = index;
            for (List<List<Posted>> side : outboxes) {
                for (int target = 0; target < lanes; target++) {
                    side.add(new ArrayList<>());
                }
            }
        }

        /** Virtual time on this lane: nanoseconds since the simulation began, and a wall clock from a fixed date. */
        public Clock clock() {
            return clock;
        }

        public long nowNanos() {
            return nowNanos;
        }

        /** Runs `task` on this lane at virtual time `atNanos` (now, if that has passed). */
        public Cancellable at(long atNanos, Runnable task) {
            Event event = new Event(Math.max(atNanos, nowNanos), sequence++, task);
            queue.add(event);
            return event;
        }

        public Cancellable after(long delayNanos, Runnable task) {
            return at(nowNanos + Math.max(0, delayNanos), task);
        }

        /**
         * Runs `task` on `target` at `atNanos`, which an event of this lane may only ask of another lane at least
         * the lookahead after its own time.
         */
        public void post(Lane target, long atNanos, Runnable task) {
            if (windowEndNanos == NO_WINDOW || target == this) {
                target.at(atNanos, task);
                return;
            }
            if (atNanos < windowEndNanos && lookaheadNanos > 0) {
                throw new IllegalStateException("an event posted at " + atNanos + " ns, within the window that ends at "
                        + windowEndNanos + " ns: the network must delay it by the lookahead at least");
            }
            outboxes.get(side).get(target.index).add(new Posted(atNanos, task));
            earliestPosted[side] = Math.min(earliestPosted[side], atNanos);
        }

        /** The earliest of its own events and of those it posted in the window before this one. */
        private long nextEventNanos(int postedSide) {
            Event head = queue.peek();
            return Math.min(head == null ? Long.MAX_VALUE : head.atNanos, earliestPosted[postedSide]);
        }

        /** Takes in what the lanes posted to it in the last window, in the lanes' order. */
        private void takePosted(int postedSide) {
            for (Lane source : lanes) {
                List<Posted> posted = source.outboxes.get(postedSide).get(index);
                for (Posted event : posted) {
                    at(event.atNanos(), event.task());
                }
                posted.clear();
            }
        }

        private void runWindow(int postedSide) {
            long start = System.nanoTime();
            takePosted(postedSide);
            runBefore(windowEndNanos);
            workNanos = System.nanoTime() - start;
        }

        private void runBefore(long endNanos) {
            while (!queue.isEmpty() && queue.peek().atNanos < endNanos) {
                Event event = queue.poll();
                if (event.cancelled) {
                    continue;
                }
                nowNanos = event.atNanos;
                executed++;
                event.task.run();
            }
        }
    }

    private static final long NO_WINDOW = Long.MIN_VALUE;

    private final Lane[] lanes;
    /** The lanes in the order threads take them: the longest of the last window first. */
    private final Lane[] claimOrder;
    private final long lookaheadNanos;
    private final int threads;
    private final AtomicInteger nextLane = new AtomicInteger();
    private long windowEndNanos = NO_WINDOW;
    /** The parity of the running window: where its events are posted. */
    private int side;
    private long nowNanos;
    private volatile Throwable laneFailure;

    /**
     * `lanes` lanes, no event posted across them less than `lookaheadNanos` ahead (0 allowed: windows of one
     * instant), run on up to `threads` threads.
     */
    public EventScheduler(int lanes, long lookaheadNanos, int threads) {
        if (lanes < 1 || lookaheadNanos < 0 || threads < 1) {
            throw new IllegalArgumentException("need a lane, a lookahead >= 0 and a thread, were " + lanes + ", "
                    + lookaheadNanos + ", " + threads);
        }
        this.lanes = new Lane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new Lane(i, lanes);
        }
        this.claimOrder = this.lanes.clone();
        this.lookaheadNanos = lookaheadNanos;
        this.threads = threads;
    }

    public Lane lane(int index) {
        return lanes[index];
    }

    /** Virtual time reached by the last run. */
    public long nowNanos() {
        return nowNanos;
    }

    /** Events run so far (a measure of the simulation's work). */
    public long executed() {
        long executed = 0;
        for (Lane lane : lanes) {
            executed += lane.executed;
        }
        return executed;
    }

    /** Runs every event due up to `endNanos`, then leaves every lane's clock there. */
    public void runUntil(long endNanos) {
        try (Workers workers = threads > 1 ? new Workers(threads - 1) : null) {
            for (long first = earliest(); first <= endNanos; first = earliest()) {
                windowEndNanos = Math.min(first + Math.max(1, lookaheadNanos), endNanos + 1);
                side ^= 1;
                if (workers == null) {
                    runLanes();
                } else {
                    workers.runWindow();
                }
                windowEndNanos = NO_WINDOW;
                rethrowLaneFailure();
                for (Lane lane : lanes) {
                    lane.earliestPosted[side ^ 1] = Long.MAX_VALUE;
                }
                Arrays.sort(claimOrder, Comparator.comparingLong((Lane lane) -> -lane.workNanos));
            }
        } finally {
            windowEndNanos = NO_WINDOW;
        }
        for (Lane lane : lanes) {
            lane.takePosted(side);
        }
        for (Lane lane : lanes) {
            lane.earliestPosted[side] = Long.MAX_VALUE;
        }
        nowNanos = Math.max(nowNanos, endNanos);
        for (Lane lane : lanes) {
            lane.nowNanos = Math.max(lane.nowNanos, nowNanos);
        }
    }

    /** An event's exception leaves the run as it would have on one thread. */
    private void rethrowLaneFailure() {
        Throwable failure = laneFailure;
        if (failure == null) {
            return;
        }
        laneFailure = null;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    /** The earliest event of any lane, those posted in the last window included. */
    private long earliest() {
        long first = Long.MAX_VALUE;
        for (Lane lane : lanes) {
            first = Math.min(first, lane.nextEventNanos(side));
        }
        return first;
    }

    /** Claims lanes one at a time and runs each to the window's end; every thread of a window runs this. */
    private void runLanes() {
        nextLane.set(0);
        claimLanes();
    }

    private void claimLanes() {
        try {
            for (int i = nextLane.getAndIncrement(); i < claimOrder.length; i = nextLane.getAndIncrement()) {
                claimOrder[i].runWindow(side ^ 1);
            }
        } catch (RuntimeException | Error e) {
            laneFailure = e;
            nextLane.set(claimOrder.length);
        }
    }

    /** Threads that run lanes beside the caller's, one window at a time, for one run. */
    private final class Workers implements AutoCloseable {

        private final CyclicBarrier start;
        private final CyclicBarrier end;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean closing;

        Workers(int count) {
            start = new CyclicBarrier(count + 1);
            end = new CyclicBarrier(count + 1);
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(this::work, "simulation-" + (i + 1));
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        void runWindow() {
            nextLane.set(0);
            await(start);
            claimLanes();
            await(end);
        }

        private void work() {
            while (true) {
                await(start);
                if (closing) {
                    return;
                }
                claimLanes();
                await(end);
            }
        }

        @Override
        public void close() {
            closing = true;
            await(start);
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a simulation thread stopped", e);
        }
    }
}
