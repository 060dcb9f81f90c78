package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.measurement.HistogramSnapshot.Bucket;
import starfish.orchestrator.prometheus.PrometheusText;
import starfish.orchestrator.prometheus.PrometheusTextParser;

class HistogramSnapshotTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void bucketsWrittenOutOfOrderAreSortedByTheirBound() {
        PrometheusText page = new PrometheusTextParser().parse("""
                latency_bucket{le="+Inf"} 5
                latency_bucket{le="0.1"} 2
                latency_bucket{le="0.5"} 4
                latency_sum 1.5
                latency_count 5
                """);

        assertThat(HistogramSnapshot.from(page, "latency")).hasValue(new HistogramSnapshot(
                List.of(new Bucket(0.1, 2), new Bucket(0.5, 4), new Bucket(INF, 5)), 1.5, 5));
    }

    @Test
    void aBoundOneSnapshotLeavesOutReadsAsItsNearestLowerBound() {
        HistogramSnapshot later = new HistogramSnapshot(List.of(new Bucket(0.1, 3), new Bucket(0.2, 3),
                new Bucket(0.5, 7), new Bucket(INF, 9)), 4.0, 9);
        // 0.1 left out below the first count (reads 0), 0.2 inside a run of empty buckets (reads 0.1's 1)
        HistogramSnapshot earlier = new HistogramSnapshot(List.of(new Bucket(0.05, 1), new Bucket(0.5, 2),
                new Bucket(INF, 3)), 1.0, 3);

        assertThat(later.minus(earlier).buckets()).containsExactly(new Bucket(0.05, -1), new Bucket(0.1, 2),
                new Bucket(0.2, 2), new Bucket(0.5, 5), new Bucket(INF, 6));
        assertThat(earlier.plus(later)).isEqualTo(new HistogramSnapshot(List.of(new Bucket(0.05, 1),
                new Bucket(0.1, 4), new Bucket(0.2, 4), new Bucket(0.5, 9), new Bucket(INF, 12)), 5.0, 12));
    }

    @Test
    void runsOfEmptyBucketsAreLeftOutButEveryFilledBucketKeepsItsLowerEdge() {
        PrometheusText page = new PrometheusTextParser().parse("""
                latency_bucket{le="0.1"} 0
                latency_bucket{le="0.2"} 0
                latency_bucket{le="0.3"} 0
                latency_bucket{le="0.4"} 4
                latency_bucket{le="0.5"} 4
                latency_bucket{le="0.6"} 4
                latency_bucket{le="0.7"} 4
                latency_bucket{le="+Inf"} 5
                latency_sum 2.5
                latency_count 5
                """);

        assertThat(HistogramSnapshot.from(page, "latency").orElseThrow().buckets()).containsExactly(
                new Bucket(0.3, 0), new Bucket(0.4, 4), new Bucket(0.7, 4), new Bucket(INF, 5));
    }
}
