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
        rows.put("payload throughput", number(s.bps()) + " B/s");
        latencyRows(rows, "transaction latency", s.transactionLatencyMs());
        latencyRows(rows, "block latency", s.blockLatencyMs());
        rows.put("bandwidth", number(s.bandwidthBytesPerSecond()) + " B/s");
        rows.put("bandwidth efficiency", number(s.bandwidthEfficiency()));
        rows.put("safety", s.safety().jsonName() + (s.safetyDetail().isBlank() ? "" : " (" + s.safetyDetail() + ")"));
        rows.put("live", s.live() ? "yes" : "no");
        rows.put("byzantine authorities", s.byzantineAuthorities().toString());
        rows.put("measured", number(s.measuredSeconds()) + " s");
        return rows;
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
