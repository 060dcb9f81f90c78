package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import starfish.protocol.ValidatorMetric;

/** Summaries when crash faults stop and restart validators: counters reset, some validators end down. */
class RestartAwareSummaryTest {

    private static ValidatorScrape scrape(double t, double uptime, double sequenced, double sequenceLength) {
        return new ValidatorScrape(t, Map.of(ValidatorMetric.BENCHMARK_DURATION.exposedName(), uptime,
                ValidatorMetric.SEQUENCED_TRANSACTIONS.exposedName(), sequenced, ValidatorMetric.COMMITTED_SEQUENCE_LENGTH.exposedName(), sequenceLength),
                Map.of());
    }

    /** 100 tx/s from t=0 to t=30 without interruption. */
    private static List<ValidatorScrape> steady() {
        return List.of(scrape(0, 5, 500, 5), scrape(10, 15, 1500, 15), scrape(20, 25, 2500, 25),
                scrape(30, 35, 3500, 35));
    }

    @Test
    void aRestartedValidatorsRateAddsUpEachLifeAndIgnoresTheReset() {
        // down between 10 and 20; after the restart its counters start again from the replayed history
        List<ValidatorScrape> restarted = List.of(scrape(0, 5, 500, 5), scrape(10, 15, 1500, 15),
                scrape(20, 2, 300, 3), scrape(30, 12, 1300, 13));

        Summary summary = SummaryCalculator.summarize(Map.of(1, restarted), List.of(), SafetyVerdict.ok());

        assertThat(summary.tps()).isCloseTo(100.0, within(1e-9));
        assertThat(summary.measuredSeconds()).isCloseTo(20.0, within(1e-9));
        assertThat(summary.live()).as("nobody committed while it was down").isFalse();
        assertThat(SummaryCalculator.summarize(Map.of(1, restarted, 2, steady()), List.of(), SafetyVerdict.ok())
                .live()).isTrue();
    }

    @Test
    void aValidatorDownAtTheEndDoesNotBreakLivenessButAStalledOneDoes() {
        List<ValidatorScrape> crashedAt15 = List.of(scrape(0, 5, 500, 5), scrape(10, 15, 1500, 15));
        List<ValidatorScrape> stalled = List.of(scrape(0, 5, 500, 5), scrape(10, 15, 1500, 15),
                scrape(20, 25, 1500, 15), scrape(30, 35, 1500, 15));

        assertThat(SummaryCalculator.summarize(Map.of(1, steady(), 2, crashedAt15), List.of(), SafetyVerdict.ok(),
                Set.of(2), RunFacts.DEFAULTS).live()).isTrue();
        assertThat(SummaryCalculator.summarize(Map.of(1, steady(), 2, crashedAt15), List.of(), SafetyVerdict.ok(),
                Set.of(), RunFacts.DEFAULTS).live()).as("validator 2 was not crashed by a fault, so it stopped committing").isFalse();
        assertThat(SummaryCalculator.summarize(Map.of(1, steady(), 2, stalled), List.of(), SafetyVerdict.ok(),
                Set.of(), RunFacts.DEFAULTS).live()).isFalse();
    }

    @Test
    void notLiveWhenTheWholeCommitteeStalledInTheMiddleOfTheRun() {
        List<ValidatorScrape> pause = List.of(scrape(0, 5, 500, 5), scrape(10, 15, 1500, 15),
                scrape(15, 20, 1500, 15), scrape(20, 25, 1500, 15), scrape(30, 35, 2500, 25));

        assertThat(SummaryCalculator.summarize(Map.of(1, pause, 2, pause), List.of(), SafetyVerdict.ok()).live())
                .isFalse();
        assertThat(SummaryCalculator.summarize(Map.of(1, steady(), 2, pause), List.of(), SafetyVerdict.ok()).live())
                .as("one honest validator committed in every third").isTrue();
    }

    @Test
    void aValidatorRestartedButNotAnsweringYetIsRecoveringNotStalled() {
        MeasurementsCollection measurements = new MeasurementsCollection(
                starfish.orchestrator.benchmark.BenchmarkParameters.builder().build(), Map.of(), List.of(), 512);
        steady().forEach(s -> measurements.add(1, s));
        measurements.add(2, scrape(0, 5, 500, 5));
        measurements.add(2, scrape(10, 15, 1500, 15));
        measurements.recordFault(new FaultEvent(12, 2, FaultEvent.Kind.CRASHED));
        measurements.recordFault(new FaultEvent(25, 2, FaultEvent.Kind.RESTARTED));

        assertThat(measurements.summary().live()).isTrue();

        measurements.add(2, scrape(30, 2, 100, 3)); // up again, yet its sequence never grows
        assertThat(measurements.summary().live()).isFalse();
    }
}
