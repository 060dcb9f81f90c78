package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.node.runtime.Cancellable;

class EventSchedulerTest {

    private final EventScheduler scheduler = new EventScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void eventsRunInTimeOrderThenInTheOrderTheyWereScheduled() {
        scheduler.at(200, () -> ran.add("late"));
        scheduler.at(100, () -> ran.add("first"));
        scheduler.at(100, () -> ran.add("second"));
        scheduler.at(100, () -> scheduler.after(0, () -> ran.add("scheduled while running")));

        scheduler.runUntil(150);

        assertThat(ran).containsExactly("first", "second", "scheduled while running");
        assertThat(scheduler.nowNanos()).isEqualTo(150);
        assertThat(scheduler.clock().nanoTime()).isEqualTo(150);
    }

    @Test
    void aCancelledEventDoesNotRunAndThePastIsNotRewritten() {
        Cancellable cancelled = scheduler.at(10, () -> ran.add("cancelled"));
        cancelled.cancel();
        scheduler.runUntil(20);
        scheduler.at(5, () -> ran.add("due in the past runs now"));
        scheduler.runUntil(20);

        assertThat(ran).containsExactly("due in the past runs now");
        assertThat(scheduler.executed()).isEqualTo(1);
    }
}
