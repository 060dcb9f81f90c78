package starfish.orchestrator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.measurement.SummaryFormat;

/** The results table printed by `benchmark` and `summarize`: SummaryFormat's figures, a few to a line. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(BenchmarkParameters parameters, Summary s, Path measurementsFile) {
        StringBuilder table = new StringBuilder();
        row(table, "benchmark", parameters.displayName());
        row(table, "duration", parameters.duration().toSeconds() + " s (measured " + SummaryFormat.number(s.measuredSeconds())
                + " s after the first commit)");
        row(table, "throughput", SummaryFormat.number(s.tps()) + " tx/s   " + SummaryFormat.number(s.bps()) + " B/s");
        row(table, "tx latency", SummaryFormat.latency(s.transactionLatencyMs()));
        row(table, "block latency", SummaryFormat.latency(s.blockLatencyMs()));
        row(table, "bandwidth", SummaryFormat.number(s.bandwidthBytesPerSecond()) + " B/s sent (all honest validators)");
        row(table, "efficiency", String.format(Locale.ROOT, "%.2f", s.bandwidthEfficiency())
                + " (bytes sent / tps / 512)");
        row(table, "safety", s.safety().jsonName() + (s.safetyDetail().isEmpty() ? "" : ": " + s.safetyDetail()));
        row(table, "live", s.live() ? "yes" : "no");
        row(table, "byzantine", byzantine(s.byzantineAuthorities(), parameters));
        row(table, "results", measurementsFile.toAbsolutePath().normalize().toString());
        return table.toString();
    }

    private static String byzantine(List<Integer> authorities, BenchmarkParameters parameters) {
        if (authorities.isEmpty()) {
            return "none";
        }
        return authorities.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (" + parameters.byzantineStrategy().cliName() + ")";
    }

    private static void row(StringBuilder table, String name, String value) {
        table.append(String.format(Locale.ROOT, "  %-14s %s%n", name, value));
    }
}
