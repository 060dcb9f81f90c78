package starfish.orchestrator.measurement;

import static starfish.protocol.ValidatorMetric.BLOCK_LATENCY;
import static starfish.protocol.ValidatorMetric.BYTES_SENT;
import static starfish.protocol.ValidatorMetric.SEQUENCED_TRANSACTIONS;
import static starfish.protocol.ValidatorMetric.TRANSACTION_LATENCY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Aggregates honest validators' scrapes into a Summary. Each validator's window runs from its first scrape with
 * sequenced transactions (the ramp-up before the first commit is excluded) to its last scrape. Every honest
 * validator sequences all transactions, so the committee's TPS is the average of their rates; bandwidth is the sum.
 */
public final class SummaryCalculator {
    /** Bytes per transaction, as the load generator makes them. */
    public static final int TRANSACTION_SIZE = 512;

    private SummaryCalculator() {
    }

    public static Summary summarize(Map<Integer, List<ValidatorScrape>> scrapes, List<Integer> byzantine,
                                    SafetyVerdict safety) {
        return summarize(scrapes, byzantine, safety, Set.of());
    }

    /** `downAtEnd`: validators a crash fault had stopped when the run ended; they are not expected to commit. */
    public static Summary summarize(Map<Integer, List<ValidatorScrape>> scrapes, List<Integer> byzantine,
                                    SafetyVerdict safety, Set<Integer> downAtEnd) {
        Map<Integer, ValidatorSeries> series = new TreeMap<>();
        scrapes.forEach((authority, list) -> series.put(authority, ValidatorSeries.of(list)));
        return of(series, byzantine, safety, downAtEnd);
    }

    static Summary of(Map<Integer, ValidatorSeries> scrapes, List<Integer> byzantine, SafetyVerdict safety,
                      Set<Integer> downAtEnd) {
        Map<Integer, ValidatorSeries> honest = new TreeMap<>();
        scrapes.forEach((authority, series) -> {
            if (!byzantine.contains(authority) && !series.isEmpty()) {
                honest.put(authority, series);
            }
        });
        double tpsSum = 0;
        double bandwidth = 0;
        double measured = 0;
        Optional<HistogramSnapshot> transactionLatency = Optional.empty();
        Optional<HistogramSnapshot> blockLatency = Optional.empty();
        for (ValidatorSeries series : honest.values()) {
            List<Window> windows = Window.of(series);
            if (windows.isEmpty()) {
                continue;
            }
            double seconds = windows.stream().mapToDouble(Window::seconds).sum();
            tpsSum += rate(windows, SEQUENCED_TRANSACTIONS.exposedName(), seconds);
            bandwidth += rate(windows, BYTES_SENT.exposedName(), seconds);
            measured = Math.max(measured, seconds);
            for (Window w : windows) {
                transactionLatency = merge(transactionLatency,
                        w.histogramDelta(TRANSACTION_LATENCY.exposedName()));
                blockLatency = merge(blockLatency, w.histogramDelta(BLOCK_LATENCY.exposedName()));
            }
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
                Liveness.kept(honest, downAtEnd),
                List.copyOf(byzantine),
                measured);
    }

    private static double rate(List<Window> windows, String counter, double seconds) {
        return seconds > 0 ? windows.stream().mapToDouble(w -> w.increase(counter)).sum() / seconds : 0;
    }

    private static Optional<HistogramSnapshot> merge(Optional<HistogramSnapshot> total,
                                                     Optional<HistogramSnapshot> more) {
        if (more.isEmpty()) {
            return total;
        }
        return Optional.of(total.map(t -> t.plus(more.get())).orElse(more.get()));
    }

    /**
     * One measured stretch of a validator's life: from its first scrape with sequenced transactions to the last
     * scrape before it stopped (a validator that restarts has one window per life).
     */
    private record Window(ValidatorScrape start, ValidatorScrape end) {

        static List<Window> of(ValidatorSeries series) {
            List<Window> windows = new ArrayList<>();
            for (List<ValidatorScrape> life : series.lives()) {
                life.stream().filter(s -> s.value(SEQUENCED_TRANSACTIONS.exposedName()) > 0).findFirst()
                        .map(start -> new Window(start, life.get(life.size() - 1)))
                        .ifPresent(windows::add);
            }
            return windows;
        }

        double seconds() {
            return end.elapsedSeconds() - start.elapsedSeconds();
        }

        double increase(String counter) {
            return end.value(counter) - start.value(counter);
        }

        Optional<HistogramSnapshot> histogramDelta(String name) {
            return end.histogram(name).map(h -> start.histogram(name).map(h::minus).orElse(h));
        }
    }
}
