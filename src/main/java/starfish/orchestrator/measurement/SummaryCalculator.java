package starfish.orchestrator.measurement;

import static starfish.protocol.ValidatorMetric.BLOCK_LATENCY;
import static starfish.protocol.ValidatorMetric.BYTES_SENT;
import static starfish.protocol.ValidatorMetric.CPU_SECONDS;
import static starfish.protocol.ValidatorMetric.HEAP_AFTER_GC;
import static starfish.protocol.ValidatorMetric.PROPOSED_HEADER_SIZE;
import static starfish.protocol.ValidatorMetric.PROPOSED_ROUND;
import static starfish.protocol.ValidatorMetric.RESIDENT_MEMORY;
import static starfish.protocol.ValidatorMetric.SEQUENCED_TRANSACTIONS;
import static starfish.protocol.ValidatorMetric.STORAGE_SIZE;
import static starfish.protocol.ValidatorMetric.TRANSACTION_LATENCY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Aggregates honest validators' scrapes into a Summary. Each validator is measured over its window (MeasurementWindow:
 * ramp-up and ramp-down left out); every honest validator sequences all transactions, so the committee's TPS and
 * blocks per second are the averages of their rates, its bandwidth the sum.
 */
public final class SummaryCalculator {

    private SummaryCalculator() {
    }

    public static Summary summarize(Map<Integer, List<ValidatorScrape>> scrapes, List<Integer> byzantine,
                                    SafetyVerdict safety) {
        return summarize(scrapes, byzantine, safety, Set.of(), RunFacts.DEFAULTS);
    }

    /** `downAtEnd`: validators a crash fault had stopped when the run ended; they are not expected to commit. */
    public static Summary summarize(Map<Integer, List<ValidatorScrape>> scrapes, List<Integer> byzantine,
                                    SafetyVerdict safety, Set<Integer> downAtEnd, RunFacts facts) {
        Map<Integer, ValidatorSeries> series = new TreeMap<>();
        scrapes.forEach((authority, list) -> series.put(authority, ValidatorSeries.of(list)));
        return of(series, byzantine, safety, downAtEnd, facts);
    }

    static Summary of(Map<Integer, ValidatorSeries> scrapes, List<Integer> byzantine, SafetyVerdict safety,
                      Set<Integer> downAtEnd, RunFacts facts) {
        Map<Integer, ValidatorSeries> honest = new TreeMap<>();
        scrapes.forEach((authority, series) -> {
            if (!byzantine.contains(authority) && !series.isEmpty()) {
                honest.put(authority, series);
            }
        });
        List<ValidatorFigures> validators = new ArrayList<>();
        Optional<HistogramSnapshot> transactionLatency = Optional.empty();
        Optional<HistogramSnapshot> blockLatency = Optional.empty();
        Optional<HistogramSnapshot> headerSize = Optional.empty();
        for (Map.Entry<Integer, ValidatorSeries> entry : honest.entrySet()) {
            List<Window> windows = Window.of(entry.getValue());
            if (windows.isEmpty()) {
                continue;
            }
            validators.add(figures(entry.getKey(), entry.getValue(), windows, facts));
            for (Window w : windows) {
                transactionLatency = merge(transactionLatency, w.histogramDelta(TRANSACTION_LATENCY.exposedName()));
                blockLatency = merge(blockLatency, w.histogramDelta(BLOCK_LATENCY.exposedName()));
                headerSize = merge(headerSize, w.histogramDelta(PROPOSED_HEADER_SIZE.exposedName()));
            }
        }
        double tps = honest.isEmpty() ? 0 : validators.stream().mapToDouble(ValidatorFigures::tps).sum() / honest.size();
        double bps = honest.isEmpty() ? 0
                : validators.stream().mapToDouble(ValidatorFigures::blocksPerSecond).sum() / honest.size();
        int size = facts.transactionSizeBytes();
        return new Summary(
                tps,
                bps,
                tps * size,
                size,
                transactionLatency.map(HistogramStatistics::of).orElse(LatencyStats.empty()),
                blockLatency.map(HistogramStatistics::of).orElse(LatencyStats.empty()),
                bandwidth(validators, tps * size),
                resources(validators, headerSize, facts, coverage(scrapes, byzantine, facts)),
                safety.safety(),
                safety.detail(),
                Liveness.kept(honest, downAtEnd),
                List.copyOf(byzantine),
                validators.stream().mapToDouble(ValidatorFigures::measuredSeconds).max().orElse(0),
                new MeasurementWindow(Window.RAMP_FRACTION,
                        validators.stream().mapToDouble(ValidatorFigures::windowStartSeconds).min().orElse(0),
                        validators.stream().mapToDouble(ValidatorFigures::windowEndSeconds).max().orElse(0)),
                List.copyOf(validators));
    }

    private static ValidatorFigures figures(int authority, ValidatorSeries series, List<Window> windows,
                                            RunFacts facts) {
        double seconds = windows.stream().mapToDouble(Window::seconds).sum();
        double rounds = increase(windows, PROPOSED_ROUND.exposedName());
        double bytesSent = increase(windows, BYTES_SENT.exposedName());
        ValidatorScrape last = windows.get(windows.size() - 1).end();
        int missed = facts.missedScrapes().getOrDefault(authority, 0);
        return new ValidatorFigures(
                authority,
                windows.get(0).start().elapsedSeconds(),
                last.elapsedSeconds(),
                seconds,
                perSecond(increase(windows, SEQUENCED_TRANSACTIONS.exposedName()), seconds),
                perSecond(windows.stream().mapToDouble(w -> w.histogramDelta(BLOCK_LATENCY.exposedName())
                        .map(HistogramSnapshot::count).orElse(0.0)).sum(), seconds),
                perSecond(bytesSent, seconds),
                exposed(last, CPU_SECONDS.exposedName())
                        ? perSecond(increase(windows, CPU_SECONDS.exposedName()), seconds) : null,
                gauge(last, RESIDENT_MEMORY.exposedName()),
                gauge(last, HEAP_AFTER_GC.exposedName()),
                exposed(last, PROPOSED_ROUND.exposedName()) ? perSecond(rounds, seconds) : null,
                exposed(last, STORAGE_SIZE.exposedName()) && rounds > 0
                        ? increase(windows, STORAGE_SIZE.exposedName()) / rounds : null,
                rounds > 0 ? bytesSent / rounds : null,
                (double) series.size() / (series.size() + missed));
    }

    /** The share of scrapes of honest validators that answered, those of validators that never answered included. */
    private static double coverage(Map<Integer, ValidatorSeries> scrapes, List<Integer> byzantine, RunFacts facts) {
        int answered = 0;
        int missed = 0;
        for (Map.Entry<Integer, ValidatorSeries> e : scrapes.entrySet()) {
            answered += byzantine.contains(e.getKey()) ? 0 : e.getValue().size();
        }
        for (Map.Entry<Integer, Integer> e : facts.missedScrapes().entrySet()) {
            missed += byzantine.contains(e.getKey()) ? 0 : e.getValue();
        }
        return answered + missed == 0 ? 0 : (double) answered / (answered + missed);
    }

    private static Bandwidth bandwidth(List<ValidatorFigures> validators, double payloadBytesPerSecond) {
        double[] sent = validators.stream().mapToDouble(ValidatorFigures::bytesSentPerSecond).toArray();
        double total = Arrays.stream(sent).sum();
        if (payloadBytesPerSecond <= 0) {
            return new Bandwidth(total, Spread.of(sent), Spread.empty(), 0);
        }
        double[] efficiency = Arrays.stream(sent).map(b -> b / payloadBytesPerSecond).toArray();
        return new Bandwidth(total, Spread.of(sent), Spread.of(efficiency), total / payloadBytesPerSecond);
    }

    private static Resources resources(List<ValidatorFigures> validators, Optional<HistogramSnapshot> headerSize,
                                       RunFacts facts, double metricsCoverage) {
        return new Resources(
                spread(validators, ValidatorFigures::cpuCores),
                spread(validators, ValidatorFigures::residentMemoryBytes),
                spread(validators, ValidatorFigures::heapAfterGcBytes),
                spread(validators, ValidatorFigures::storageBytesPerRound),
                spread(validators, ValidatorFigures::bytesSentPerRound),
                headerSize.filter(h -> h.count() > 0).map(h -> HistogramStatistics.percentile(h, 0.5)).orElse(0.0),
                facts.readyAtBoot(),
                metricsCoverage);
    }

    private static Spread spread(List<ValidatorFigures> validators, Function<ValidatorFigures, Double> figure) {
        return Spread.of(validators.stream().map(figure).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray());
    }

    private static boolean exposed(ValidatorScrape scrape, String series) {
        return scrape.values().containsKey(series);
    }

    private static Double gauge(ValidatorScrape scrape, String series) {
        return exposed(scrape, series) ? scrape.value(series) : null;
    }

    private static double increase(List<Window> windows, String counter) {
        return windows.stream().mapToDouble(w -> w.increase(counter)).sum();
    }

    private static double perSecond(double amount, double seconds) {
        return seconds > 0 ? amount / seconds : 0;
    }

    private static Optional<HistogramSnapshot> merge(Optional<HistogramSnapshot> total,
                                                     Optional<HistogramSnapshot> more) {
        if (more.isEmpty()) {
            return total;
        }
        return Optional.of(total.map(t -> t.plus(more.get())).orElse(more.get()));
    }

    /**
     * One measured stretch of a validator's life (a validator that restarts has one window per life): from its first
     * scrape with sequenced transactions to its last, each end then moved inwards by RAMP_FRACTION of that span to the
     * nearest scrape, so that neither the queue drained at the first commits nor the last moments count; untrimmed when
     * trimming would leave fewer than two scrapes.
     */
    private record Window(ValidatorScrape start, ValidatorScrape end) {
        static final double RAMP_FRACTION = 0.1;

        static List<Window> of(ValidatorSeries series) {
            List<Window> windows = new ArrayList<>();
            for (List<ValidatorScrape> life : series.lives()) {
                int first = firstCommitting(life);
                if (first < 0) {
                    continue;
                }
                int last = life.size() - 1;
                double margin = RAMP_FRACTION * (life.get(last).elapsedSeconds() - life.get(first).elapsedSeconds());
                int from = first;
                while (from < last && life.get(from).elapsedSeconds() < life.get(first).elapsedSeconds() + margin) {
                    from++;
                }
                int to = last;
                while (to > from && life.get(to).elapsedSeconds() > life.get(last).elapsedSeconds() - margin) {
                    to--;
                }
                windows.add(to > from ? new Window(life.get(from), life.get(to))
                        : new Window(life.get(first), life.get(last)));
            }
            return windows;
        }

        private static int firstCommitting(List<ValidatorScrape> life) {
            for (int i = 0; i < life.size(); i++) {
                if (life.get(i).value(SEQUENCED_TRANSACTIONS.exposedName()) > 0) {
                    return i;
                }
            }
            return -1;
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
