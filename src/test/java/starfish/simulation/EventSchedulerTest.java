package starfish.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import starfish.node.runtime.Cancellable;

class EventSchedulerTest {

    private static final long LOOKAHEAD = 10;

    private final EventScheduler scheduler = new EventScheduler(2, LOOKAHEAD, 1);
    private final EventScheduler.Lane lane = scheduler.lane(0);
    private final List<String> ran = new ArrayList<>();

    @Test
    void eventsRunInTimeOrderThenInTheOrderTheyWereScheduled() {
        lane.at(200, () -> ran.add("late"));
        lane.at(100, () -> ran.add("first"));
        lane.at(100, () -> ran.add("second"));
        lane.at(100, () -> lane.after(0, () -> ran.add("scheduled while running")));

        scheduler.runUntil(150);

        assertThat(ran).containsExactly("first", "second", "scheduled while running");
        assertThat(scheduler.nowNanos()).isEqualTo(150);
        assertThat(lane.clock().nanoTime()).isEqualTo(150);
        assertThat(scheduler.lane(1).nowNanos()).isEqualTo(150);
    }

    @Test
    void aCancelledEventDoesNotRunAndThePastIsNotRewritten() {
        Cancellable cancelled = lane.at(10, () -> ran.add("cancelled"));
        cancelled.cancel();
        scheduler.runUntil(20);
        lane.at(5, () -> ran.add("due in the past runs now"));
        scheduler.runUntil(20);

        assertThat(ran).containsExactly("due in the past runs now");
        assertThat(scheduler.executed()).isEqualTo(1);
    }

    @Test
    void anEventPostedToAnotherLaneRunsThereAtItsTime() {
        EventScheduler.Lane other = scheduler.lane(1);
        lane.at(100, () -> lane.post(other, 100 + LOOKAHEAD, () -> ran.add("arrived at " + other.nowNanos())));

        scheduler.runUntil(1_000);

        assertThat(ran).containsExactly("arrived at 110");
    }

    @Test
    void postingWithinTheLookaheadIsRefused() {
        lane.at(100, () -> lane.post(scheduler.lane(1), 100 + LOOKAHEAD - 1, () -> ran.add("too early")));

        assertThatThrownBy(() -> scheduler.runUntil(1_000)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lookahead");
        assertThat(ran).isEmpty();
    }

    @Test
    void aFailingEventLeavesTheRunWithItsException() {
        EventScheduler parallel = new EventScheduler(4, LOOKAHEAD, 2);
        for (int i = 0; i < 4; i++) {
            parallel.lane(i).at(5, () -> ran.add("ran"));
        }
        parallel.lane(3).at(5, () -> {
            throw new ArithmeticException("in an event");
        });

        assertThatThrownBy(() -> parallel.runUntil(100)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aRunIsTheSameOnOneThreadAndOnSeveral() {
        assertThat(gossip(2)).isEqualTo(gossip(1)).hasSizeGreaterThan(10_000);
    }

    /**
     * Sixteen lanes that pass messages at random delays of at least the lookahead, with local timers; delays come in
     * coarse steps, so messages and timers often meet at one instant. Each lane's trace records what it saw, when,
     * in which order.
     */
    private static List<String> gossip(int threads) {
        int lanes = 16;
        EventScheduler scheduler = new EventScheduler(lanes, LOOKAHEAD, threads);
        List<List<String>> traces = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            traces.add(new ArrayList<>());
        }
        Gossip gossip = new Gossip(scheduler, traces);
        SplittableRandom seeds = new SplittableRandom(7);
        for (int i = 0; i < lanes; i++) {
            int self = i;
            for (int chain = 0; chain < 20; chain++) {
                SplittableRandom random = seeds.split();
                scheduler.lane(i).at(random.nextLong(LOOKAHEAD), () -> gossip.receive(self, -1, 0, random));
            }
        }
        scheduler.runUntil(20_000);
        List<String> all = new ArrayList<>();
        traces.forEach(all::addAll);
        return all;
    }

    private record Gossip(EventScheduler scheduler, List<List<String>> traces) {

        void receive(int self, int from, int hops, SplittableRandom random) {
            EventScheduler.Lane lane = scheduler.lane(self);
            List<String> trace = traces.get(self);
            trace.add(self + "@" + lane.nowNanos() + "<" + from + "#" + hops);
            if (hops == 200) {
                return;
            }
            int to = random.nextInt(traces.size());
            long delay = LOOKAHEAD + 5 * random.nextLong(4);
            SplittableRandom carried = random.split();
            lane.post(scheduler.lane(to), lane.nowNanos() + delay, () -> receive(to, self, hops + 1, carried));
            lane.after(5 * random.nextLong(3), () -> trace.add(self + "@" + lane.nowNanos() + " timer " + hops));
        }
    }
}
