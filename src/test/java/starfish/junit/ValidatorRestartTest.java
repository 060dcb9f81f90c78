package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.ValidatorScrape;

class ValidatorRestartTest {
    private static final FaultEvent CRASH = new FaultEvent(6, 3, FaultEvent.Kind.CRASHED);
    private static final FaultEvent RESTART = new FaultEvent(12, 3, FaultEvent.Kind.RESTARTED);

    @Test
    void pairsARestartWithItsCrashAndComparesTheSequenceBeforeAndAfter() {
        List<ValidatorRestart> restarts = ValidatorRestart.of(List.of(CRASH, RESTART),
                Map.of(3, List.of(length(5, 40), length(6, 48), length(12, 0), length(14, 30), length(16, 55))));

        assertThat(restarts).containsExactly(new ValidatorRestart(3, 6, 12, 48, 55));
        assertThat(restarts.get(0).committedAgain()).isTrue();
    }

    @Test
    void aValidatorThatOnlyReplayedPartOfItsHistoryHasNotCommittedAgain() {
        List<ValidatorRestart> restarts = ValidatorRestart.of(List.of(CRASH, RESTART),
                Map.of(3, List.of(length(6, 48), length(14, 30))));

        assertThat(restarts.get(0).committedAgain()).isFalse();
    }

    @Test
    void aCrashWithoutARestartIsNoRestart() {
        assertThat(ValidatorRestart.of(List.of(CRASH), Map.of(3, List.of(length(6, 48))))).isEmpty();
    }

    private static ValidatorScrape length(double at, double leaders) {
        return new ValidatorScrape(at, Map.of("committed_sequence_length", leaders), Map.of());
    }
}
