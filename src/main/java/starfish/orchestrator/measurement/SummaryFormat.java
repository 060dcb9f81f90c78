package starfish.orchestrator.measurement;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a run's figures are spelt wherever they are shown (the CLI's table, the report, threshold messages), so that
 * all of them read alike.
 */
public final class SummaryFormat {

    private SummaryFormat() {
    }

    /** A summary's figures, metric by metric, in reading order. */
    public static Map<String, String> rows(Summary s) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("throughput", number(s.tps()) + " tx/s");
        rows.put("committed blocks", number(s.bps()) + " blocks/s");
        rows.put("payload throughput", number(s.payloadBytesPerSecond()) + " B/s (" + s.transactionSizeBytes()
                + "-byte transactions)");
        latencyRows(rows, "transaction latency", s.transactionLatencyMs());
        latencyRows(rows, "block latency", s.blockLatencyMs());
        Bandwidth b = s.bandwidth();
        rows.put("bandwidth, committee", number(b.totalBytesPerSecond()) + " B/s");
        rows.put("bandwidth per validator", spread(b.perValidatorBytesPerSecond(), " B/s"));
        rows.put("efficiency per validator", spread(b.efficiencyPerValidator(), ""));
        rows.put("efficiency, committee", number(b.efficiencyCommittee()));
        Resources r = s.resources();
        rows.put("CPU per validator", spread(r.cpuCores(), " cores"));
        rows.put("resident memory per validator", spread(scaled(r.residentMemoryBytes(), MIB), " MiB"));
        rows.put("heap after GC per validator", spread(scaled(r.heapAfterGcBytes(), MIB), " MiB"));
        rows.put("storage per round", spread(r.storageBytesPerRound(), " B"));
        rows.put("bandwidth per round", spread(r.bytesSentPerRound(), " B"));
        rows.put("header size p50", number(r.headerSizeP50Bytes()) + " B");
        rows.put("ready at boot", percent(r.readyAtBoot()));
        rows.put("metrics coverage", percent(r.metricsCoverage()));
        rows.put("safety", s.safety().jsonName() + (s.safetyDetail().isBlank() ? "" : " (" + s.safetyDetail() + ")"));
        rows.put("live", s.live() ? "yes" : "no");
        rows.put("byzantine authorities", s.byzantineAuthorities().toString());
        rows.put("measured", number(s.measuredSeconds()) + " s");
        rows.put("window", window(s.window()));
        return rows;
    }

    /** Across validators on one line: `avg 1.2  p25 ...  p99 2.0 cores`, or `n/a` when no validator had it. */
    public static String spread(Spread v, String unit) {
        if (v.isEmpty()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "avg %s  p25 %s  p50 %s  p75 %s  p90 %s  p99 %s%s", compact(v.avg()),
                compact(v.p25()), compact(v.p50()), compact(v.p75()), compact(v.p90()), compact(v.p99()), unit);
    }

    /** `12.0 s to 48.0 s (ramps of 10% left out)`. */
    public static String window(MeasurementWindow w) {
        return number(w.startSeconds()) + " s to " + number(w.endSeconds()) + " s (ramps of "
                + percent(w.rampFraction()) + " left out)";
    }

    private static final double MIB = 1 << 20;

    private static Spread scaled(Spread v, double divisor) {
        return v.isEmpty() ? v : new Spread(v.validators(), v.avg() / divisor, v.p25() / divisor, v.p50() / divisor,
                v.p75() / divisor, v.p90() / divisor, v.p99() / divisor);
    }

    /** Three significant digits for small figures, thousands grouped for large ones. */
    private static String compact(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    /** A latency distribution on one line: `avg 12.5 ms  stdev 1.0  p50 ...`. */
    public static String latency(LatencyStats l) {
        return String.format(Locale.ROOT, "avg %.1f ms  stdev %.1f  p25 %.1f  p50 %.1f  p75 %.1f  p90 %.1f  p99 %.1f",
                l.avg(), l.stdev(), l.p25(), l.p50(), l.p75(), l.p90(), l.p99());
    }

    /** One decimal, thousands grouped: `12,345.6`. */
    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** Milliseconds with at most two decimals: `800 ms`, `950.35 ms`. */
    public static String millis(Duration duration) {
        return decimal(duration.toNanos() / 1_000_000.0) + " ms";
    }

    public static String rate(double txPerSecond) {
        return decimal(txPerSecond) + " tx/s";
    }

    /** A fraction as a whole percentage: 0.153 is `15%`. */
    public static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** At most two decimals, without trailing zeros: `0.95`, `1000`. */
    public static String decimal(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("\\.?0+$", "");
    }

    private static void latencyRows(Map<String, String> rows, String name, LatencyStats ms) {
        rows.put(name + " avg", number(ms.avg()) + " ms");
        rows.put(name + " stdev", number(ms.stdev()) + " ms");
        rows.put(name + " p25", number(ms.p25()) + " ms");
        rows.put(name + " p50", number(ms.p50()) + " ms");
        rows.put(name + " p75", number(ms.p75()) + " ms");
        rows.put(name + " p90", number(ms.p90()) + " ms");
        rows.put(name + " p99", number(ms.p99()) + " ms");
    }
}
