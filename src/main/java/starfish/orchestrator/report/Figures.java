package starfish.orchestrator.report;

import java.util.Locale;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summary;

/** How reports spell figures, so that the console, the tables and the report read alike. */
public final class Figures {

    private Figures() {
    }

    /** `1,234.5 tx/s`. */
    public static String rate(double txPerSecond) {
        return String.format(Locale.ROOT, "%,.1f tx/s", txPerSecond);
    }

    /** `62 ms` from 10 ms up, `8.4 ms` below. */
    public static String millis(double ms) {
        return String.format(Locale.ROOT, ms >= 10 ? "%,.0f ms" : "%.1f ms", ms);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static String safety(Summary summary) {
        return summary.safety() == Safety.OK ? "safe" : "safety " + summary.safety().jsonName();
    }
}
