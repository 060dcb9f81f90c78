package starfish.node.runtime;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A TaskExecutor on one daemon thread of its own. */
final class ThreadTaskExecutor implements TaskExecutor {

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ScheduledThreadPoolExecutor executor;

    ThreadTaskExecutor(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // timers are re-armed often (the core's wake-up): cancelled ones must not pile up in the queue
        executor.setRemoveOnCancelPolicy(true);
        // closing drops what is queued, timers included: an idle worker would otherwise wait out the earliest one
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            // closed: the component is shutting down
        }
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException closed) {
            return () -> { };
        }
    }

    /**
     * Drops the queued tasks and lets the running one finish. It is not interrupted: an interrupt closes any
     * FileChannel the task is writing (the write-ahead log, committed.log), losing what was buffered.
     */
    @Override
    public void close() {
        executor.shutdown(); // removes the timers not due yet (the policies above)
        executor.getQueue().clear(); // and the tasks that are
        try {
            if (!executor.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
