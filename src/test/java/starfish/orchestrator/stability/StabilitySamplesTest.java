package starfish.orchestrator.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.HistogramSnapshot;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsRenderer;
import starfish.protocol.ValidatorMetric;

/** A run cut into windows: each window's rate and latency count only what happened inside it. */
class StabilitySamplesTest {
    private static final String SEQUENCED = ValidatorMetric.SEQUENCED_TRANSACTIONS.exposedName();
    private static final String LATENCY = ValidatorMetric.TRANSACTION_LATENCY.exposedName();

    /**
     * 100 tx/s at 50 ms for the first 60 s, then 400 tx/s at 500 ms; validator 3 recorded down from 70 s to 100 s
     * (its scrapes are kept: the windows' validators up come from the fault events).
     */
    private static MeasurementsCollection run() {
        MeasurementsCollection run = new MeasurementsCollection(BenchmarkParameters.builder().load(400)
                .duration(Duration.ofSeconds(120)).build(), SettingsRenderer.toMap(Settings.defaults()), List.of(), 512);
        for (int authority = 0; authority < 4; authority++) {
            double sequenced = 0;
            long fast = 0;
            long slow = 0;
            for (int t = 0; t <= 120; t += 10) {
                run.add(authority, new ValidatorScrape(t, Map.of(SEQUENCED, sequenced),
                        Map.of(LATENCY, histogram(fast, slow))));
                boolean second = t >= 60;
                sequenced += second ? 4_000 : 1_000;
                fast += second ? 0 : 1_000;
                slow += second ? 4_000 : 0;
            }
        }
        run.recordFault(new FaultEvent(70, 3, FaultEvent.Kind.CRASHED));
        run.recordFault(new FaultEvent(100, 3, FaultEvent.Kind.RESTARTED));
        return run;
    }

    private static HistogramSnapshot histogram(long at50ms, long at500ms) {
        return new HistogramSnapshot(List.of(new HistogramSnapshot.Bucket(0.05, at50ms),
                new HistogramSnapshot.Bucket(0.5, at50ms + at500ms),
                new HistogramSnapshot.Bucket(Double.POSITIVE_INFINITY, at50ms + at500ms)),
                at50ms * 0.05 + at500ms * 0.5, at50ms + at500ms);
    }

    @Test
    void eachMinuteHasItsOwnThroughputLatencyAndValidatorsUp() {
        List<StabilitySample> samples = StabilitySamples.of(run(), Duration.ofMinutes(1), 4);

        assertThat(samples).hasSize(2);
        StabilitySample first = samples.get(0);
        assertThat(first.tps()).isCloseTo(100, org.assertj.core.data.Offset.offset(1.0));
        assertThat(first.transactionP50Ms()).isLessThanOrEqualTo(50);
        assertThat(first.validatorsUp()).isEqualTo(4);
        assertThat(first.outageActive()).isFalse();
        StabilitySample second = samples.get(1);
        assertThat(second.tps()).isCloseTo(400, org.assertj.core.data.Offset.offset(4.0));
        assertThat(second.transactionP50Ms()).isGreaterThan(50);
        assertThat(second.outageActive()).isTrue();
        assertThat(second.validatorsUp()).isEqualTo(4);
    }

    @Test
    void aValidatorStillDownAtTheEndOfAWindowIsNotCountedAsUp() {
        List<StabilitySample> samples = StabilitySamples.of(run(), Duration.ofSeconds(30), 4);

        assertThat(samples).extracting(StabilitySample::validatorsUp).containsExactly(4, 4, 3, 4);
        assertThat(samples).extracting(StabilitySample::outageActive).containsExactly(false, false, true, true);
    }

    @Test
    void writesCsvJsonAndTwoCharts(@TempDir Path dir) throws Exception {
        List<StabilitySample> samples = StabilitySamples.of(run(), Duration.ofMinutes(1), 4);
        List<Path> files = StabilityReport.write(dir.resolve("measurements-x.json"), "stability-x", samples);

        List<String> csv = Files.readAllLines(files.get(0));
        assertThat(csv.get(0)).startsWith("sample,start_s,end_s,validators_up,outage_active,tps,");
        assertThat(csv).hasSize(3);
        assertThat(csv.get(2)).startsWith("1,60.000,120.000,4,true,");
        assertThat(Files.readString(files.get(1))).contains("\"transaction_p50_ms\"");
        assertThat(Files.readString(files.get(2))).contains("Throughput over time");
        assertThat(Files.readString(files.get(3))).contains("Transaction latency over time").contains("— p99");
    }
}
