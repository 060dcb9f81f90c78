package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafetyCheckTest {
    private static final List<String> SEQUENCE = List.of(
            "0 1 1 aa01 d0 10",
            "1 2 2 aa02 d1 12",
            "2 3 3 aa03 d2 9",
            "3 4 0 aa04 d3 11");

    @Test
    void agreeingPrefixesAreSafeEvenWhenAValidatorLags() {
        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, SEQUENCE, 1, SEQUENCE.subList(0, 2), 2, SEQUENCE));

        assertThat(verdict.safety()).isEqualTo(Safety.OK);
        assertThat(verdict.detail()).isEmpty();
    }

    @Test
    void namesTheFirstDivergingIndexAndTheValidators() {
        List<String> forked = List.of(SEQUENCE.get(0), SEQUENCE.get(1), "2 3 1 bb03 e2 9", "3 4 0 aa04 e3 11");

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, SEQUENCE, 1, SEQUENCE, 3, forked));

        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(verdict.detail()).contains("validators 0 and 3").contains("committed index 2");
    }

    @Test
    void ignoresATornLastLine() {
        List<String> torn = List.of(SEQUENCE.get(0), SEQUENCE.get(1), "2 3 3 aa");

        assertThat(SafetyCheck.check(Map.of(0, SEQUENCE, 1, torn)).safety()).isEqualTo(Safety.OK);
    }
}
