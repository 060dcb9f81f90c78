package starfish.junit.history;

/**
 * One finished run in a scenario's history: when it ran, the commit benchmarked, its figures, and whether it met its
 * thresholds (only runs that did make a baseline, so an accepted regression is a deliberate reset, not drift).
 */
public record HistoryEntry(String time, String commit, double tps, double p50Ms, double p99Ms, boolean passed) {
}
