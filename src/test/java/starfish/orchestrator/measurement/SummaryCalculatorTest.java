package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import starfish.protocol.ValidatorMetric;

class SummaryCalculatorTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /** One scrape: counters, the committed sequence length, and a latency histogram with bounds 0.1, 0.2, 0.4, +Inf. */
    private static ValidatorScrape scrape(double t, double sequenced, double bytesSent, double sequenceLength,
                                          double[] cumulative, double latencySum) {
        List<HistogramSnapshot.Bucket> buckets = List.of(new HistogramSnapshot.Bucket(0.1, cumulative[0]),
                new HistogramSnapshot.Bucket(0.2, cumulative[1]), new HistogramSnapshot.Bucket(0.4, cumulative[2]),
                new HistogramSnapshot.Bucket(INF, cumulative[3]));
        HistogramSnapshot latency = new HistogramSnapshot(buckets, latencySum, cumulative[3]);
        return new ValidatorScrape(t, Map.of(ValidatorMetric.SEQUENCED_TRANSACTIONS.exposedName(), sequenced,
                ValidatorMetric.BYTES_SENT.exposedName(), bytesSent, ValidatorMetric.COMMITTED_SEQUENCE_LENGTH.exposedName(), sequenceLength),
                Map.of(ValidatorMetric.TRANSACTION_LATENCY.exposedName(), latency));
    }

    private static double[] h(double... cumulative) {
        return cumulative;
    }

    @Test
    void excludesRampUpBeforeTheFirstCommit() {
        // 0 tx until t=10 s, then 100 tx/s: including the ramp-up would halve the rate.
        List<ValidatorScrape> series = List.of(
                scrape(5, 0, 0, 0, h(0, 0, 0, 0), 0),
                scrape(10, 100, 10_000, 1, h(0, 0, 0, 0), 0),
                scrape(15, 600, 60_000, 5, h(0, 0, 0, 0), 0),
                scrape(20, 1100, 110_000, 9, h(0, 0, 0, 0), 0));

        Summary summary = SummaryCalculator.summarize(Map.of(0, series), List.of(), SafetyVerdict.ok());

        assertThat(summary.tps()).isCloseTo(100.0, within(1e-9));
        assertThat(summary.payloadBytesPerSecond()).isCloseTo(100.0 * 512, within(1e-9));
        assertThat(summary.measuredSeconds()).isCloseTo(10.0, within(1e-9));
        assertThat(summary.bandwidth().totalBytesPerSecond()).isCloseTo(10_000.0, within(1e-9));
        assertThat(summary.bandwidth().efficiencyCommittee()).isCloseTo(10_000.0 / 100 / 512, within(1e-9));
        assertThat(summary.live()).isTrue();
    }

    @Test
    void percentilesComeFromTheMergedHistogramOverTheMeasuredWindow() {
        // Validator 0 observes 10 fast transactions (<= 0.1 s) in its window, validator 1 observes 10 slow ones
        // (0.2..0.4 s). Before the window each already had 5 observations in the +Inf bucket, which must not count.
        List<ValidatorScrape> fast = List.of(
                scrape(10, 10, 0, 1, h(0, 0, 0, 5), 50),
                scrape(20, 20, 0, 2, h(10, 10, 10, 15), 50.5));
        List<ValidatorScrape> slow = List.of(
                scrape(10, 10, 0, 1, h(0, 0, 0, 5), 50),
                scrape(20, 20, 0, 2, h(0, 0, 10, 15), 53));

        Summary summary = SummaryCalculator.summarize(Map.of(0, fast, 1, slow), List.of(), SafetyVerdict.ok());
        LatencyStats latency = summary.transactionLatencyMs();

        // merged: 10 in (0, 0.1], 10 in (0.2, 0.4]; p50 is the top of the first bucket, p90 interpolates
        // 80% of the way through (0.2, 0.4]: 0.2 + 0.2 * (18 - 10) / 10 = 0.36 s.
        assertThat(latency.p50()).isCloseTo(100.0, within(1e-6));
        assertThat(latency.p90()).isCloseTo(360.0, within(1e-6));
        assertThat(latency.p99()).isCloseTo(396.0, within(1e-6));
        assertThat(latency.avg()).isCloseTo((0.5 + 3.0) / 20 * 1000, within(1e-6));
        // midpoints 0.05 and 0.3 around the mean 0.175: stdev 0.125 s
        assertThat(latency.stdev()).isCloseTo(125.0, within(1e-6));
    }

    @Test
    void leavesByzantineValidatorsOut() {
        List<ValidatorScrape> honest = List.of(scrape(10, 100, 0, 1, h(1, 1, 1, 1), 0.05),
                scrape(20, 1100, 0, 3, h(2, 2, 2, 2), 0.1));
        List<ValidatorScrape> byzantine = List.of(scrape(10, 100, 0, 1, h(0, 0, 0, 1), 9),
                scrape(20, 100_100, 0, 3, h(0, 0, 0, 9), 99));

        Summary summary = SummaryCalculator.summarize(Map.of(0, byzantine, 1, honest), List.of(0),
                SafetyVerdict.ok());

        assertThat(summary.tps()).isCloseTo(100.0, within(1e-9));
        assertThat(summary.transactionLatencyMs().p99()).isLessThanOrEqualTo(100.0);
        assertThat(summary.byzantineAuthorities()).containsExactly(0);
    }

    @Test
    void notLiveWhenAnHonestValidatorStoppedCommittingInTheLastThird() {
        List<ValidatorScrape> stalled = List.of(scrape(0, 0, 0, 0, h(0, 0, 0, 0), 0),
                scrape(10, 100, 0, 5, h(0, 0, 0, 0), 0), scrape(20, 200, 0, 9, h(0, 0, 0, 0), 0),
                scrape(30, 200, 0, 9, h(0, 0, 0, 0), 0));
        List<ValidatorScrape> running = List.of(scrape(0, 0, 0, 0, h(0, 0, 0, 0), 0),
                scrape(10, 100, 0, 5, h(0, 0, 0, 0), 0), scrape(20, 200, 0, 9, h(0, 0, 0, 0), 0),
                scrape(30, 300, 0, 12, h(0, 0, 0, 0), 0));

        assertThat(SummaryCalculator.summarize(Map.of(1, running), List.of(), SafetyVerdict.ok()).live()).isTrue();
        assertThat(SummaryCalculator.summarize(Map.of(1, running, 2, stalled), List.of(), SafetyVerdict.ok()).live())
                .isFalse();
    }

    @Test
    void carriesTheSafetyVerdict() {
        SafetyVerdict violated = new SafetyVerdict(Safety.VIOLATED, "validators 0 and 1 diverge at committed index 3");

        Summary summary = SummaryCalculator.summarize(Map.of(), List.of(), violated);

        assertThat(summary.safety()).isEqualTo(Safety.VIOLATED);
        assertThat(summary.safetyDetail()).contains("index 3");
        assertThat(summary.live()).isFalse();
    }
}
