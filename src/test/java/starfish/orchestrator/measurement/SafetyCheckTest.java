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

    private static CommittedLog lines(List<String> lines) {
        return new CommittedLog.Lines(lines);
    }

    @Test
    void agreeingPrefixesAreSafeEvenWhenAValidatorLags() {
        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(SEQUENCE.subList(0, 2)),
                2, lines(SEQUENCE), 3, lines(List.of())));

        assertThat(verdict.safety()).isEqualTo(Safety.OK);
        assertThat(verdict.detail()).isEmpty();
    }

    @Test
    void namesTheFirstDivergingIndexAndTheValidators() {
        List<String> forked = List.of(SEQUENCE.get(0), SEQUENCE.get(1), "2 3 1 bb03 e2 9", "3 4 0 aa04 e3 11");

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(SEQUENCE), 3, lines(forked)));

        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(verdict.detail()).contains("validators 0 and 3").contains("committed index 2")
                .contains("'2 3 3 aa03 d2 9' vs '2 3 1 bb03 e2 9'");
    }

    @Test
    void comparesEveryPairNotOnlyWithTheFirstLog() {
        // validator 0 is too short to see it: 1 and 2 differ beyond its end
        List<String> forked = List.of(SEQUENCE.get(0), SEQUENCE.get(1), SEQUENCE.get(2), "3 4 2 bb04 e3 11");

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE.subList(0, 1)), 1, lines(SEQUENCE),
                2, lines(forked)));

        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(verdict.detail()).contains("validators 1 and 2").contains("committed index 3");
    }

    @Test
    void reportsTheLowestDivergingIndexOverAllPairs() {
        List<String> lateFork = List.of(SEQUENCE.get(0), SEQUENCE.get(1), SEQUENCE.get(2), "3 4 2 bb04 e3 11");
        List<String> earlyFork = List.of(SEQUENCE.get(0), "1 2 3 cc02 f1 12");

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(lateFork),
                2, lines(earlyFork)));

        assertThat(verdict.detail()).contains("validators 0 and 2").contains("committed index 1");
    }

    @Test
    void ignoresATornLastLine() {
        List<String> torn = List.of(SEQUENCE.get(0), SEQUENCE.get(1), "2 3 3 aa");

        assertThat(SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(torn))).safety()).isEqualTo(Safety.OK);
    }

    @Test
    void aLastLineCutInsideItsLastFieldIsDroppedSinceNoNewlineEndsIt() {
        String killed = SEQUENCE.get(0) + "\n" + SEQUENCE.get(1).substring(0, SEQUENCE.get(1).length() - 1);

        CommittedLog log = CommittedLog.Lines.ofText(killed);

        assertThat(((CommittedLog.Lines) log).lines()).containsExactly(SEQUENCE.get(0));
        assertThat(SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, log)).safety()).isEqualTo(Safety.OK);
    }

    @Test
    void afterAGapEveryLeaderIsComparedWithTheOnesTheOthersCommittedInItsSlot() {
        List<String> skipped = List.of(SEQUENCE.get(0), SafetyCheck.GAP, "leader 3 3 aa03", "leader 4 0 aa04");
        List<String> conflicting = List.of(SEQUENCE.get(0), SafetyCheck.GAP, "leader 4 0 bb04");

        assertThat(SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(skipped))).safety()).isEqualTo(Safety.OK);
        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(skipped), 2, lines(conflicting)));
        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(verdict.detail()).contains("validators 0 and 2 committed different leaders in round 4 of authority 0")
                .contains("aa04 vs bb04");
    }

    @Test
    void aMissingLogMakesTheVerdictUnknownNeverOk() {
        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(SEQUENCE),
                2, new CommittedLog.Unavailable("validator 2's committed log was not collected")));

        assertThat(verdict.safety()).isEqualTo(Safety.UNKNOWN);
        assertThat(verdict.detail()).contains("validator 2's committed log was not collected");
    }

    @Test
    void aDivergenceAmongTheOthersOutweighsAMissingLog() {
        List<String> forked = List.of("0 1 2 bb01 e0 10");

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(forked),
                2, new CommittedLog.Unavailable("missing")));

        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
    }

    @Test
    void aMalformedLineBeforeTheLastMakesTheLogUnreadable() {
        List<String> garbled = List.of(SEQUENCE.get(0), "1 2 ??", SEQUENCE.get(2));

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(garbled)));

        assertThat(verdict.safety()).isEqualTo(Safety.UNKNOWN);
        assertThat(verdict.detail()).contains("validator 1").contains("after committed index 0");
    }

    @Test
    void aGapInTheIndicesMakesTheLogUnreadable() {
        List<String> gap = List.of(SEQUENCE.get(0), SEQUENCE.get(2), SEQUENCE.get(3));

        assertThat(SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(gap))).safety()).isEqualTo(Safety.UNKNOWN);
    }

    @Test
    void aValidatorThatReCommittedDifferentlyAfterARestartIsAViolation() {
        List<String> restarted = List.of(SEQUENCE.get(0), SEQUENCE.get(1),
                SafetyCheck.RESTART_DIVERGED + " 1 1 2 2 bb02 e1 12");

        SafetyVerdict verdict = SafetyCheck.check(Map.of(0, lines(SEQUENCE), 1, lines(restarted)));

        assertThat(verdict.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(verdict.detail()).contains("validator 1 re-committed index 1 differently after a restart")
                .contains("'1 2 2 aa02 d1 12' on disk vs '1 2 2 bb02 e1 12'");
    }
}
