package starfish.orchestrator.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static starfish.protocol.ValidatorMetric.BLOCK_LATENCY;
import static starfish.protocol.ValidatorMetric.BYTES_SENT;
import static starfish.protocol.ValidatorMetric.CPU_SECONDS;
import static starfish.protocol.ValidatorMetric.HEAP_AFTER_GC;
import static starfish.protocol.ValidatorMetric.PROPOSED_HEADER_SIZE;
import static starfish.protocol.ValidatorMetric.PROPOSED_ROUND;
import static starfish.protocol.ValidatorMetric.RESIDENT_MEMORY;
import static starfish.protocol.ValidatorMetric.SEQUENCED_TRANSACTIONS;
import static starfish.protocol.ValidatorMetric.STORAGE_SIZE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.measurement.HistogramSnapshot.Bucket;

/** Throughput in the reference's terms, bandwidth per validator and in all, resources, and the measured window. */
class SummaryFiguresTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * A validator scraped every 5 s from 0 to 50 s that commits from 5 s on: per second 100 tx, 10 blocks, 2
     * rounds, `bytesPerSecond` sent, 0.5 CPU seconds and 300 storage bytes; a burst of 1,000 tx in its first
     * committing interval (the queue drained at the first commit).
     */
    private static List<ValidatorScrape> steady(double bytesPerSecond) {
        List<ValidatorScrape> scrapes = new ArrayList<>();
        for (int t = 0; t <= 50; t += 5) {
            double committing = Math.max(0, t - 5);
            double sequenced = t >= 5 ? 1_000 + 100 * committing : 0;
            Map<String, Double> values = new HashMap<>();
            values.put(SEQUENCED_TRANSACTIONS.exposedName(), sequenced);
            values.put(BYTES_SENT.exposedName(), bytesPerSecond * t);
            values.put(PROPOSED_ROUND.exposedName(), 2.0 * t);
            values.put(CPU_SECONDS.exposedName(), 3 + 0.5 * t);
            values.put(STORAGE_SIZE.exposedName(), 300.0 * t);
            values.put(RESIDENT_MEMORY.exposedName(), 400e6 + t);
            values.put(HEAP_AFTER_GC.exposedName(), 100e6);
            double blocks = 10.0 * t;
            scrapes.add(new ValidatorScrape(t, values, Map.of(
                    BLOCK_LATENCY.exposedName(), new HistogramSnapshot(List.of(new Bucket(INF, blocks)), 0, blocks),
                    PROPOSED_HEADER_SIZE.exposedName(), new HistogramSnapshot(List.of(new Bucket(500, 0),
                            new Bucket(520, 2 * t), new Bucket(INF, 2 * t)), 510 * 2 * t, 2 * t))));
        }
        return scrapes;
    }

    @Test
    void theWindowLeavesOutATenthOfTheCommittingSpanAtEachEndAndIsStored() {
        Summary summary = SummaryCalculator.summarize(Map.of(0, steady(1_000)), List.of(), SafetyVerdict.ok());

        // commits from 5 s to 50 s: 4.5 s off each end, to the scrapes at 10 s and 45 s
        assertThat(summary.window()).isEqualTo(new MeasurementWindow(0.1, 10, 45));
        assertThat(summary.measuredSeconds()).isEqualTo(35.0);
        assertThat(summary.tps()).as("the first commits' burst is outside the window").isCloseTo(100.0, within(1e-9));
    }

    @Test
    void bpsIsCommittedBlocksPerSecondAndPayloadUsesTheClientsTransactionSize() {
        Summary summary = SummaryCalculator.summarize(Map.of(0, steady(1_000), 1, steady(3_000)), List.of(),
                SafetyVerdict.ok(), Set.of(), new RunFacts(1_024, 1, Map.of()));

        assertThat(summary.bps()).isCloseTo(10.0, within(1e-9));
        assertThat(summary.transactionSizeBytes()).isEqualTo(1_024);
        assertThat(summary.payloadBytesPerSecond()).isCloseTo(100.0 * 1_024, within(1e-9));
        Bandwidth bandwidth = summary.bandwidth();
        assertThat(bandwidth.totalBytesPerSecond()).isCloseTo(4_000.0, within(1e-9));
        assertThat(bandwidth.perValidatorBytesPerSecond().avg()).isCloseTo(2_000.0, within(1e-9));
        assertThat(bandwidth.perValidatorBytesPerSecond().p50()).isCloseTo(2_000.0, within(1e-9));
        assertThat(bandwidth.perValidatorBytesPerSecond().p99()).isCloseTo(1_000 + 2_000 * 0.99, within(1e-9));
        assertThat(bandwidth.efficiencyPerValidator().p25()).isCloseTo(1_500.0 / 102_400, within(1e-12));
        assertThat(bandwidth.efficiencyCommittee()).isCloseTo(4_000.0 / 102_400, within(1e-12));
    }

    @Test
    void resourcesPerValidatorAndAcrossThem() {
        Summary summary = SummaryCalculator.summarize(Map.of(0, steady(1_000), 1, steady(3_000)), List.of(),
                SafetyVerdict.ok(), Set.of(), new RunFacts(512, 0.75, Map.of(1, 11)));
        Resources resources = summary.resources();

        assertThat(resources.cpuCores().p50()).isCloseTo(0.5, within(1e-9));
        assertThat(resources.storageBytesPerRound().avg()).isCloseTo(150.0, within(1e-9));
        assertThat(resources.bytesSentPerRound().p75()).as("500 and 1,500 B per round").isCloseTo(1_250.0, within(1e-9));
        assertThat(resources.residentMemoryBytes().p50()).isEqualTo(400e6 + 45);
        assertThat(resources.heapAfterGcBytes().avg()).isEqualTo(100e6);
        assertThat(resources.headerSizeP50Bytes()).as("geometric middle of (500, 520]")
                .isCloseTo(Math.sqrt(500 * 520), within(1e-9));
        assertThat(resources.readyAtBoot()).isEqualTo(0.75);
        assertThat(resources.metricsCoverage()).isCloseTo(22.0 / 33, within(1e-12));
        assertThat(summary.validators()).extracting(ValidatorFigures::scrapeCoverage).containsExactly(1.0, 0.5);
    }

    @Test
    void aFigureNoValidatorExposesIsAbsentNotZero() {
        List<ValidatorScrape> bare = steady(1_000).stream().map(s -> {
            Map<String, Double> values = new HashMap<>(s.values());
            values.remove(CPU_SECONDS.exposedName());
            return new ValidatorScrape(s.elapsedSeconds(), values, s.histograms());
        }).toList();

        Summary summary = SummaryCalculator.summarize(Map.of(0, bare), List.of(), SafetyVerdict.ok());

        assertThat(summary.resources().cpuCores().isEmpty()).isTrue();
        assertThat(summary.validators().get(0).cpuCores()).isNull();
        assertThat(SummaryFormat.rows(summary)).containsEntry("CPU per validator", "n/a");
    }
}
