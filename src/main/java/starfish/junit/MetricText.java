package starfish.junit;

import java.time.Duration;
import java.util.Locale;

/** How failure messages spell measured values and limits, so that both read alike. */
final class MetricText {

    private MetricText() {
    }

    /** Milliseconds with at most one decimal: {@code 800 ms}, {@code 950.3 ms}. */
    static String millis(Duration duration) {
        return number(duration.toNanos() / 1_000_000.0) + " ms";
    }

    static String rate(double txPerSecond) {
        return number(txPerSecond) + " tx/s";
    }

    /** A fraction as a whole percentage: 0.153 is {@code 15%}. */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.replaceAll("\\.?0+$", "");
    }
}
