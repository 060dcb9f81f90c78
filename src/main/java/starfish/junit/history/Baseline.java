package starfish.junit.history;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What a run is compared with: the median of the last {@value #WINDOW} comparable runs that met their thresholds.
 * The median ignores one or two outliers in the window (a run slowed by a busy machine); with fewer than
 * {@value #MINIMUM} such runs there is no baseline yet, so a new scenario cannot fail on its first noisy runs.
 */
public record Baseline(int runs, double tps, double p50Ms, String fromCommit, String toCommit) {
    public static final int WINDOW = 5;
    public static final int MINIMUM = 3;

    public static Optional<Baseline> of(List<HistoryEntry> history) {
        List<HistoryEntry> passed = history.stream().filter(HistoryEntry::passed).toList();
        if (passed.size() < MINIMUM) {
            return Optional.empty();
        }
        List<HistoryEntry> window = passed.subList(Math.max(0, passed.size() - WINDOW), passed.size());
        return Optional.of(new Baseline(window.size(), median(window, HistoryEntry::tps),
                median(window, HistoryEntry::p50Ms), window.get(0).commit(), window.get(window.size() - 1).commit()));
    }

    /** `median of the last 5 runs (commits abc1234..def5678)`. */
    public String describe() {
        String commits = fromCommit.equals(toCommit) ? "commit " + toCommit : "commits " + fromCommit + ".." + toCommit;
        return "median of the last " + runs + " runs, " + commits;
    }

    private static double median(List<HistoryEntry> entries, ToDoubleFunction<HistoryEntry> value) {
        double[] sorted = entries.stream().mapToDouble(value).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
