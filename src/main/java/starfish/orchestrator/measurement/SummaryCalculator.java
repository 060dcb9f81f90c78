package starfish.orchestrator.measurement;

import static starfish.orchestrator.measurement.MetricNames.BLOCK_LATENCY;
import static starfish.orchestrator.measurement.MetricNames.BYTES_SENT;
import static starfish.orchestrator.measurement.MetricNames.COMMITTED_SEQUENCE_LENGTH;
import static starfish.orchestrator.measurement.MetricNames.SEQUENCED_TRANSACTIONS;
import static starfish.orchestrator.measurement.MetricNames.TRANSACTION_LATENCY;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Aggregates honest validators' scrapes into a Summary. Each validator's window runs from its first scrape with
 * sequenced transactions (the ramp-up before the first commit is excluded) to its last scrape. Every honest
 * validator sequences all transactions, so the committee's TPS is the average of their rates; bandwidth is the sum.
 */
public final class SummaryCalculator {
    /** Bytes per transaction (PROTOCOLS.md). */
    public static final int TRANSACTION_SIZE = 512;

    private SummaryCalculator() {
    }

    public static Summary summarize(Map<Integer, List<ValidatorScrape>> scrapes, List<Integer> byzantine,
                                    SafetyVerdict safety) {
        List<List<ValidatorScrape>> honest = scrapes.entrySet().stream()
                .filter(e -> !byzantine.contains(e.getKey()) && !e.getValue().isEmpty())
                .map(Map.Entry::getValue).toList();
        double tpsSum = 0;
        double bandwidth = 0;
        double measured = 0;
        Optional<HistogramSnapshot> transactionLatency = Optional.empty();
        Optional<HistogramSnapshot> blockLatency = Optional.empty();
        for (List<ValidatorScrape> series : honest) {
            Optional<Window> window = Window.of(series);
            if (window.isEmpty()) {
                continue;
            }
            Window w = window.get();
            tpsSum += w.rate(SEQUENCED_TRANSACTIONS);
            bandwidth += w.rate(BYTES_SENT);
            measured = Math.max(measured, w.seconds());
            transactionLatency = merge(transactionLatency, w.histogramDelta(TRANSACTION_LATENCY));
            blockLatency = merge(blockLatency, w.histogramDelta(BLOCK_LATENCY));
        }
        double tps = honest.isEmpty() ? 0 : tpsSum / honest.size();
        return new Summary(
                tps,
                tps * TRANSACTION_SIZE,
                transactionLatency.map(HistogramStatistics::of).orElse(LatencyStats.empty()),
                blockLatency.map(HistogramStatistics::of).orElse(LatencyStats.empty()),
                bandwidth,
                tps > 0 ? bandwidth / tps / TRANSACTION_SIZE : 0,
                safety.safety(),
                safety.detail(),
                !honest.isEmpty() && honest.stream().allMatch(SummaryCalculator::grewInLastThird),
                List.copyOf(byzantine),
                measured);
    }

    private static Optional<HistogramSnapshot> merge(Optional<HistogramSnapshot> total,
                                                     Optional<HistogramSnapshot> more) {
        if (more.isEmpty()) {
            return total;
        }
        return Optional.of(total.map(t -> t.plus(more.get())).orElse(more.get()));
    }

    /** Whether the committed sequence grew between the last third's start and the last scrape. */
    private static boolean grewInLastThird(List<ValidatorScrape> series) {
        if (series.size() < 2) {
            return false;
        }
        ValidatorScrape last = series.get(series.size() - 1);
        double first = series.get(0).elapsedSeconds();
        double cut = last.elapsedSeconds() - (last.elapsedSeconds() - first) / 3;
        ValidatorScrape baseline = series.stream().filter(s -> s.elapsedSeconds() <= cut)
                .reduce((a, b) -> b).orElse(series.get(0));
        return last.value(COMMITTED_SEQUENCE_LENGTH) > baseline.value(COMMITTED_SEQUENCE_LENGTH);
    }

    /** One validator's measured window: from its first scrape with sequenced transactions to its last. */
    private record Window(ValidatorScrape start, ValidatorScrape end) {

        static Optional<Window> of(List<ValidatorScrape> series) {
            return series.stream().filter(s -> s.value(SEQUENCED_TRANSACTIONS) > 0).findFirst()
                    .map(start -> new Window(start, series.get(series.size() - 1)));
        }

        double seconds() {
            return end.elapsedSeconds() - start.elapsedSeconds();
        }

        double rate(String counter) {
            return seconds() > 0 ? (end.value(counter) - start.value(counter)) / seconds() : 0;
        }

        Optional<HistogramSnapshot> histogramDelta(String name) {
            return end.histogram(name).map(h -> start.histogram(name).map(h::minus).orElse(h));
        }
    }
}
