package starfish.orchestrator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.Bandwidth;
import starfish.orchestrator.measurement.Resources;
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
                + " s: " + SummaryFormat.window(s.window()) + ")");
        row(table, "throughput", SummaryFormat.number(s.tps()) + " tx/s   " + SummaryFormat.number(s.bps())
                + " blocks/s   " + SummaryFormat.number(s.payloadBytesPerSecond()) + " B/s of " + s.transactionSizeBytes()
                + "-byte transactions");
        row(table, "tx latency", SummaryFormat.latency(s.transactionLatencyMs()));
        row(table, "block latency", SummaryFormat.latency(s.blockLatencyMs()));
        Bandwidth b = s.bandwidth();
        row(table, "bandwidth", SummaryFormat.number(b.totalBytesPerSecond()) + " B/s sent by the committee; per validator "
                + SummaryFormat.spread(b.perValidatorBytesPerSecond(), " B/s"));
        row(table, "efficiency", String.format(Locale.ROOT, "%.2f", b.efficiencyCommittee())
                + " committee (bytes sent / payload bytes); per validator " + SummaryFormat.spread(b.efficiencyPerValidator(), ""));
        Resources r = s.resources();
        row(table, "cpu", SummaryFormat.spread(r.cpuCores(), " cores per validator"));
        row(table, "memory", "resident " + SummaryFormat.spread(r.residentMemoryBytes(), " B") + "; heap after GC p50 "
                + (r.heapAfterGcBytes().isEmpty() ? "n/a" : SummaryFormat.number(r.heapAfterGcBytes().p50()) + " B"));
        row(table, "per round", "storage p50 " + SummaryFormat.number(r.storageBytesPerRound().p50()) + " B, sent p50 "
                + SummaryFormat.number(r.bytesSentPerRound().p50()) + " B, header p50 "
                + SummaryFormat.number(r.headerSizeP50Bytes()) + " B");
        row(table, "readiness", SummaryFormat.percent(r.readyAtBoot()) + " ready at boot, "
                + SummaryFormat.percent(r.metricsCoverage()) + " of scrapes answered");
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
