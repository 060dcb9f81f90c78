package starfish.orchestrator.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadSearchTest {

    /** A protocol that keeps up with the load up to `capacity` tx/s at 10 ms, then queues: latency explodes. */
    private static LoadPoint saturatingAt(int capacity, int load) {
        return load <= capacity ? new LoadPoint(load, load, 10, 30) : new LoadPoint(load, capacity, 2_000, 5_000);
    }

    @Test
    void doublesUntilTheKneeThenBisectsBetweenTheLastGoodAndTheFirstBadLoad() {
        SearchResult result = new LoadSearch(SearchTolerance.DEFAULT, 3).search(1_000, load -> saturatingAt(11_000, load));

        assertThat(result.runs()).extracting(LoadPoint::offeredLoad)
                // 1000 2000 4000 8000 | 16000 fails; bisect 12000 (bad), 10000 (good), 11000 (good)
                .containsExactly(1_000, 2_000, 4_000, 8_000, 16_000, 12_000, 10_000, 11_000);
        assertThat(result.highestSustained()).map(LoadPoint::offeredLoad).contains(11_000);
        assertThat(result.baseline().offeredLoad()).isEqualTo(1_000);
    }

    @Test
    void aThroughputShortfallEndsTheDoublingEvenWhenLatencyStaysLow() {
        // beyond 3000 tx/s the protocol drops transactions but what it sequences stays fast
        SearchResult result = new LoadSearch(SearchTolerance.DEFAULT, 0)
                .search(1_000, load -> new LoadPoint(load, Math.min(load, 3_000), 10, 20));

        assertThat(result.runs()).extracting(LoadPoint::offeredLoad).containsExactly(1_000, 2_000, 4_000);
        assertThat(result.highestSustained()).map(LoadPoint::offeredLoad).contains(2_000);
    }

    @Test
    void latencyWithinTheSlackOverALowBaselineCountsAsSustained() {
        // baseline 10 ms: the limit is max(20 ms, 210 ms) = 210 ms, so 150 ms at 2000 tx/s still passes
        SearchTolerance tolerance = SearchTolerance.DEFAULT;
        LoadPoint baseline = new LoadPoint(1_000, 1_000, 10, 20);

        assertThat(tolerance.latencyLimitMs(baseline)).isEqualTo(210);
        assertThat(tolerance.sustains(baseline, new LoadPoint(2_000, 2_000, 150, 300))).isTrue();
        assertThat(tolerance.verdict(baseline, new LoadPoint(4_000, 4_000, 250, 300)))
                .isEqualTo("p50 250.0 ms over the limit of 210.0 ms");
        assertThat(tolerance.verdict(baseline, new LoadPoint(4_000, 3_000, 10, 20)))
                .isEqualTo("throughput 75% of the offered load (< 90%)");
    }

    @Test
    void aStartLoadThatIsNotSustainedEndsTheSearchWithoutAResult() {
        SearchResult result = new LoadSearch(SearchTolerance.DEFAULT, 3)
                .search(5_000, load -> new LoadPoint(load, 1_000, 10, 20));

        assertThat(result.runs()).hasSize(1);
        assertThat(result.highestSustained()).isEmpty();
        assertThat(SearchReport.render(result, SearchTolerance.DEFAULT))
                .contains("not even the start load of 5000 tx/s was sustained");
    }

    @Test
    void aProtocolThatNeverSaturatesStopsAfterTheLastDoubling() {
        SearchResult result = new LoadSearch(SearchTolerance.DEFAULT, 3).search(1, load -> new LoadPoint(load, load, 1, 2));

        assertThat(result.runs()).hasSize(LoadSearch.MAX_DOUBLINGS + 1);
        assertThat(result.highestSustained()).map(LoadPoint::offeredLoad).contains(1 << LoadSearch.MAX_DOUBLINGS);
    }

    @Test
    void theReportNamesEveryRunsVerdictAndTheHighestSustainedLoad() {
        LoadPoint baseline = new LoadPoint(1_000, 1_000, 10, 20);
        LoadPoint bad = new LoadPoint(2_000, 1_200, 900, 2_000);
        String report = SearchReport.render(new SearchResult(baseline, Optional.of(baseline), List.of(baseline, bad)),
                SearchTolerance.DEFAULT);

        assertThat(report).contains("p50 limit 210.0 ms").contains("throughput 60% of the offered load")
                .contains("highest sustained load: 1000 tx/s (measured 1000.0 tx/s, p50 10.0 ms, p99 20.0 ms)");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new LoadSearch(SearchTolerance.DEFAULT, -1)).hasMessageContaining("bisection steps");
        assertThatThrownBy(() -> new LoadSearch(SearchTolerance.DEFAULT, 1).search(0, load -> null))
                .hasMessageContaining("start load must be at least 1");
        assertThatThrownBy(() -> new SearchTolerance(0.5, 0, 0.9)).hasMessageContaining("latency factor >= 1");
    }
}
