package starfish.orchestrator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.settings.Faults;

class CrashScheduleTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @Test
    void permanentCrashesOnceAtTheStartAndNeverRestarts() {
        CrashSchedule schedule = new CrashSchedule(new Faults.Permanent(2), List.of(9, 8, 7));

        assertThat(schedule.firstTick()).isZero();
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(9, 8), List.of()));
        assertThat(schedule.tickAfter(Duration.ZERO)).isNull();
        assertThat(schedule.next().isEmpty()).isTrue();
    }

    @Test
    void crashRecoveryStopsAThirdAtATimeThenRestartsAll() {
        CrashSchedule schedule = new CrashSchedule(new Faults.CrashRecovery(7, INTERVAL),
                List.of(9, 8, 7, 6, 5, 4, 3));

        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(9, 8), List.of()));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(7, 6), List.of()));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(5, 4, 3), List.of()));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(), List.of(9, 8, 7, 6, 5, 4, 3)));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(9, 8), List.of()));
    }

    @Test
    void fewerThanThreeFaultsCrashAllAtOnce() {
        CrashSchedule schedule = new CrashSchedule(new Faults.CrashRecovery(2, INTERVAL), List.of(3, 2, 1));

        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(3, 2), List.of()));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(), List.of(3, 2)));
        assertThat(schedule.next()).isEqualTo(new FaultStep(List.of(3, 2), List.of()));
        assertThat(schedule.firstTick()).isEqualTo(INTERVAL);
        assertThat(schedule.tickAfter(INTERVAL)).isEqualTo(INTERVAL.multipliedBy(2));
    }

    @Test
    void noFaultsIsInactive() {
        assertThat(new CrashSchedule(new Faults.Permanent(0), List.of(1)).isActive()).isFalse();
        assertThat(new CrashSchedule(new Faults.CrashRecovery(0, INTERVAL), List.of(1)).isActive()).isFalse();
    }

    @Test
    void targetsAreHonestValidatorsFromTheHighestIndexDown() {
        assertThat(CrashTargets.order(7, List.of(0, 3, 6))).containsExactly(5, 4, 2, 1);
    }

    @Test
    void refusesMoreFaultsThanHonestValidators() {
        assertThatThrownBy(() -> new CrashSchedule(new Faults.Permanent(3), List.of(2, 1)))
                .hasMessageContaining("cannot crash 3 validators: only 2 honest validators");
    }
}
