package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.measurement.Safety;

/** The benchmark command's exit code never reads an unknown or violated verdict as success. */
class SafetyExitCodeTest {
    @Test
    void safeRunsExitWithZero() {
        assertThat(BenchmarkCommand.exitCode(List.of(Safety.OK, Safety.OK))).isZero();
    }

    @Test
    void anyViolationExitsWithThreeEvenBesideAnUnknownRun() {
        assertThat(BenchmarkCommand.exitCode(List.of(Safety.OK, Safety.UNKNOWN, Safety.VIOLATED))).isEqualTo(3);
    }

    @Test
    void anUnknownVerdictExitsWithFour() {
        assertThat(BenchmarkCommand.exitCode(List.of(Safety.OK, Safety.UNKNOWN))).isEqualTo(4);
    }
}
