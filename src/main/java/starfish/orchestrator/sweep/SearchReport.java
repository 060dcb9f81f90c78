package starfish.orchestrator.sweep;

import java.util.Locale;

/** A load search as text: one line per run with its verdict, then the highest sustained load. */
public final class SearchReport {

    private SearchReport() {
    }

    public static String render(SearchResult result, SearchTolerance tolerance) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "load search: p50 limit %.1f ms (baseline p50 %.1f ms at %d tx/s), min throughput %.0f%% of offered%n",
                tolerance.latencyLimitMs(result.baseline()), result.baseline().p50Ms(),
                result.baseline().offeredLoad(), 100 * tolerance.minThroughputRatio()));
        for (LoadPoint run : result.runs()) {
            text.append(String.format(Locale.ROOT, "  %9d tx/s offered  %11.1f tx/s  p50 %8.1f ms  p99 %8.1f ms  %s%n",
                    run.offeredLoad(), run.tps(), run.p50Ms(), run.p99Ms(), tolerance.verdict(result.baseline(), run)));
        }
        text.append(result.highestSustained()
                .map(best -> String.format(Locale.ROOT, "highest sustained load: %d tx/s (measured %.1f tx/s, p50 %.1f"
                        + " ms, p99 %.1f ms)%n", best.offeredLoad(), best.tps(), best.p50Ms(), best.p99Ms()))
                .orElse(String.format(Locale.ROOT, "not even the start load of %d tx/s was sustained; start lower%n",
                        result.baseline().offeredLoad())));
        return text.toString();
    }
}
