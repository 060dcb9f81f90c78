package starfish.orchestrator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.LatencyStats;
import starfish.orchestrator.measurement.Summary;

/** The results table printed by `benchmark` and `summarize`. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(BenchmarkParameters parameters, Summary s, Path measurementsFile) {
        StringBuilder table = new StringBuilder();
        row(table, "benchmark", parameters.displayName());
        row(table, "duration", parameters.duration().toSeconds() + " s (measured " + number(s.measuredSeconds())
                + " s after the first commit)");
        row(table, "throughput", number(s.tps()) + " tx/s   " + number(s.bps()) + " B/s");
        row(table, "tx latency", latency(s.transactionLatencyMs()));
        row(table, "block latency", latency(s.blockLatencyMs()));
        row(table, "bandwidth", number(s.bandwidthBytesPerSecond()) + " B/s sent (all honest validators)");
        row(table, "efficiency", String.format(Locale.ROOT, "%.2f", s.bandwidthEfficiency())
                + " (bytes sent / tps / 512)");
        row(table, "safety", s.safety().jsonName() + (s.safetyDetail().isEmpty() ? "" : ": " + s.safetyDetail()));
        row(table, "live", s.live() ? "yes" : "no");
        row(table, "byzantine", byzantine(s.byzantineAuthorities(), parameters));
        row(table, "results", measurementsFile.toAbsolutePath().normalize().toString());
        return table.toString();
    }

    private static String latency(LatencyStats l) {
        return String.format(Locale.ROOT, "avg %.1f ms  stdev %.1f  p50 %.1f  p90 %.1f  p99 %.1f",
                l.avg(), l.stdev(), l.p50(), l.p90(), l.p99());
    }

    private static String byzantine(List<Integer> authorities, BenchmarkParameters parameters) {
        if (authorities.isEmpty()) {
            return "none";
        }
        return authorities.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (" + parameters.byzantineStrategy().cliName() + ")";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    private static void row(StringBuilder table, String name, String value) {
        table.append(String.format(Locale.ROOT, "  %-14s %s%n", name, value));
    }
}
