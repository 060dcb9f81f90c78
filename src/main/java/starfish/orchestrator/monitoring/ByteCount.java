package starfish.orchestrator.monitoring;

import java.util.Locale;

/** Sizes for people: `812 B`, `3.4 KiB`, `48.0 MiB`, `1.2 GiB`. */
final class ByteCount {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteCount() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
