package starfish.node.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventBacklogTest {

    @Test
    void aReaderWaitsWhileTheBacklogIsFullAndGoesOnOnceTheCoreHandledAnEvent() throws Exception {
        AtomicInteger full = new AtomicInteger();
        EventBacklog backlog = new EventBacklog(2, full::incrementAndGet);
        backlog.added();
        backlog.awaitRoom(); // one of two: room left
        backlog.added();

        CompletableFuture<Void> reader = readerWaitingFor(backlog);
        await().atMost(Duration.ofSeconds(5)).until(() -> full.get() == 1);
        assertThat(reader).isNotDone();

        backlog.handled();
        await().atMost(Duration.ofSeconds(5)).until(reader::isDone);
        assertThat(full).hasValue(1);
    }

    @Test
    void closingReleasesAWaitingReader() {
        EventBacklog backlog = new EventBacklog(1, () -> { });
        backlog.added();
        CompletableFuture<Void> reader = readerWaitingFor(backlog);

        backlog.close();

        await().atMost(Duration.ofSeconds(5)).until(reader::isDone);
    }

    private static CompletableFuture<Void> readerWaitingFor(EventBacklog backlog) {
        return CompletableFuture.runAsync(() -> {
            try {
                backlog.awaitRoom();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
