package starfish.node.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Histogram bucket bounds that grow by a fixed ratio, rounded to four significant digits so the page stays short
 * and readable. A value reported as the geometric middle of its bucket is off by at most sqrt(ratio) - 1: 1.99% for
 * the latency layout, whose bounds run from 1 ms to 60 s.
 */
public final class GeometricBuckets {
    /** Seconds; 289 bounds, consecutive ones at most 1.0400 apart after rounding. */
    public static final double[] LATENCY_SECONDS = of(0.001, 60, 1.039);
    /** Bytes, for block headers: 64 B to 64 KiB, at most 10% apart (a middle within 4.9%), 74 bounds. */
    public static final double[] SIZE_BYTES = of(64, 64 << 10, 1.1);

    private GeometricBuckets() {
    }

    /** Bounds from `lowest` up to the first at or above `highest`, each `ratio` times the one before it. */
    static double[] of(double lowest, double highest, double ratio) {
        List<Double> bounds = new ArrayList<>();
        double exact = lowest;
        double rounded;
        do {
            rounded = new BigDecimal(exact).round(new MathContext(4)).doubleValue();
            bounds.add(rounded);
            exact *= ratio;
        } while (rounded < highest);
        return bounds.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
