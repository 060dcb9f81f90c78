package starfish.orchestrator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private final SweepPlan reference = new SweepPlan(2_000, 2_000, 1_000, 4.0, 1.25, 10, Optional.empty());

    @Test
    void coarseStepsBelowTheRefineLatencyFineStepsAboveAndNoneOnceTheGoalIsReached() {
        assertThat(reference.nextLoad(2_000, 750)).isEqualTo(OptionalInt.of(8_000));
        assertThat(reference.nextLoad(8_000, 1_250)).isEqualTo(OptionalInt.of(10_000));
        assertThat(reference.nextLoad(10_000, 2_000)).isEmpty();
        assertThat(reference.nextLoad(1, 1_500)).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void aFocusZoneIsReachedExactlyAndWalkedInSteps() {
        SweepPlan plan = new SweepPlan(2_000, 5_000, 1_000, 4.0, 1.25, 20,
                Optional.of(new SweepPlan.Focus(6_000, 9_000, 1_000)));

        assertThat(plan.nextLoad(2_000, 100)).isEqualTo(OptionalInt.of(6_000));
        assertThat(plan.nextLoad(6_000, 100)).isEqualTo(OptionalInt.of(7_000));
        assertThat(plan.nextLoad(8_500, 100)).isEqualTo(OptionalInt.of(9_000));
        assertThat(plan.nextLoad(9_000, 100)).isEqualTo(OptionalInt.of(36_000));
    }

    @Test
    void runsUntilTheGoalAndNeverMoreThanTheCap() {
        // latency 125 ms per 1,000 tx/s: fine steps from 8,000 tx/s (1 s), the goal (2 s) at 16,000 tx/s
        List<LoadPoint> points = reference.run(load -> new LoadPoint(load, load, load / 8.0, load / 4.0));
        assertThat(points).extracting(LoadPoint::offeredLoad).containsExactly(2_000, 8_000, 10_000, 12_500,
                15_625, 19_532);
        assertThat(points.get(points.size() - 1).p50Ms()).isGreaterThanOrEqualTo(2_000);

        SweepPlan capped = new SweepPlan(2_000, 2_000, 1_000, 4.0, 1.25, 3, Optional.empty());
        assertThat(capped.run(load -> new LoadPoint(load, load, 1, 1))).hasSize(3);
    }

    @Test
    void refusesPlansThatCannotEnd() {
        assertThatThrownBy(() -> new SweepPlan(2_000, 2_000, 1_000, 1.0, 1.25, 10, Optional.empty()))
                .hasMessageContaining("multipliers above 1");
        assertThatThrownBy(() -> new SweepPlan(2_000, 2_000, 1_000, 4.0, 1.25, 0, Optional.empty()))
                .hasMessageContaining("at least one point");
    }
}
