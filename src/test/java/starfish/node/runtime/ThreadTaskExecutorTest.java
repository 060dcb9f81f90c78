package starfish.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadTaskExecutorTest {

    @TempDir
    Path directory;

    /** A validator closing while its core writes committed.log must not close the file under the writer's feet. */
    @Test
    void closeLetsTheRunningTaskFinishItsWritesAndDropsTheQueuedOnes() throws Exception {
        ThreadTaskExecutor executor = new ThreadTaskExecutor("test-core");
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean closing = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean queuedRan = new AtomicBoolean();
        try (FileChannel channel = FileChannel.open(directory.resolve("log"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            executor.execute(() -> {
                running.countDown();
                while (!closing.get()) {
                    Thread.onSpinWait();
                }
                try {
                    for (int i = 0; i < 20_000; i++) {
                        channel.write(ByteBuffer.wrap(new byte[512]));
                    }
                    channel.force(false);
                } catch (Exception e) {
                    failure.set(e);
                }
            });
            executor.execute(() -> queuedRan.set(true));
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            closing.set(true);
            executor.close();

            assertThat(failure.get()).isNull();
            assertThat(channel.isOpen()).isTrue();
            assertThat(channel.size()).isEqualTo(20_000 * 512L);
            assertThat(queuedRan).isFalse();
        }
    }

    /** A validator's close must not wait out its timers (a leader timeout, a sync retry) before it returns. */
    @Test
    void closeDoesNotWaitForATimerThatIsNotDue() {
        ThreadTaskExecutor executor = new ThreadTaskExecutor("test-timers");
        AtomicBoolean fired = new AtomicBoolean();
        executor.schedule(TimeUnit.SECONDS.toNanos(60), () -> fired.set(true));

        assertTimeoutPreemptively(Duration.ofSeconds(4), executor::close, "close waited for the timer");
        assertThat(fired).isFalse();
    }
}
