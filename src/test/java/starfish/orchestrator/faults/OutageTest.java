package starfish.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.settings.CrashStop;
import starfish.orchestrator.settings.Faults;

/** One outage: when it strikes and ends, and which validators it takes down. */
class OutageTest {
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration LENGTH = Duration.ofSeconds(60);

    private static Faults.Outage outage(boolean keepDown, List<Integer> authorities, int count) {
        return new Faults.Outage(START, LENGTH, keepDown, authorities, count, CrashStop.KILL);
    }

    @Test
    void stopsItsTargetsAtTheStartAndRestartsThemItsLengthLater() {
        CrashSchedule schedule = new CrashSchedule(outage(false, List.of(1, 2), 0), List.of(1, 2));

        assertThat(schedule.firstTick()).isEqualTo(START);
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(1, 2), List.of()));
        assertThat(schedule.tickAfter(START)).isEqualTo(Duration.ofSeconds(90));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(), List.of(1, 2)));
        assertThat(schedule.tickAfter(Duration.ofSeconds(90))).isNull();
    }

    @Test
    void keepDownNeverRestarts() {
        CrashSchedule schedule = new CrashSchedule(outage(true, List.of(3), 0), List.of(3));

        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(3), List.of()));
        assertThat(schedule.tickAfter(START)).isNull();
    }

    @Test
    void aCountIsSpreadOverTheCommitteeAsTheReferenceSpreadsIt() {
        // the reference's own example: 33 of 100 validators, every third from 0
        assertThat(CrashTargets.of(outage(false, List.of(), 33), 100, List.of()))
                .isEqualTo(IntStream.iterate(0, i -> i < 99, i -> i + 3).boxed().toList());
        // no count: a third of the committee, at least one
        assertThat(CrashTargets.of(outage(false, List.of(), 0), 10, List.of())).containsExactly(0, 3, 6);
        assertThat(CrashTargets.of(outage(false, List.of(), 0), 2, List.of())).containsExactly(0);
    }

    @Test
    void byzantineValidatorsAreNeverTakenDown() {
        assertThat(CrashTargets.of(outage(false, List.of(), 3), 10, List.of(0))).containsExactly(1, 4, 7);
        assertThat(CrashTargets.of(outage(false, List.of(), 1), 4, List.of(0))).containsExactly(1);
        assertThatThrownBy(() -> CrashTargets.of(outage(false, List.of(0, 1), 0), 4, List.of(0)))
                .hasMessageContaining("outage authority 0 is Byzantine");
        assertThatThrownBy(() -> CrashTargets.of(outage(false, List.of(), 4), 4, List.of(0)))
                .hasMessageContaining("needs as many honest ones");
    }

    @Test
    void namedAuthoritiesMustBeInTheCommittee() {
        assertThat(CrashTargets.of(outage(false, List.of(2, 1, 2), 0), 4, List.of())).containsExactly(2, 1);
        assertThatThrownBy(() -> CrashTargets.of(outage(false, List.of(4), 0), 4, List.of()))
                .hasMessageContaining("outage authority 4 is not in the committee of 4");
    }

    @Test
    void anOutageNeedsALengthUnlessItKeepsValidatorsDown() {
        assertThatThrownBy(() -> new Faults.Outage(START, Duration.ZERO, false, List.of(1), 0, CrashStop.KILL))
                .hasMessageContaining("positive length");
        assertThat(new Faults.Outage(START, Duration.ZERO, true, List.of(1), 0, CrashStop.KILL).keepDown()).isTrue();
    }
}
