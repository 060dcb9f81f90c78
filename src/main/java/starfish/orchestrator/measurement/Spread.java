package starfish.orchestrator.measurement;

import java.util.Arrays;

/**
 * One figure across validators: how many had it, their mean and percentiles (linear between ranks, as the reference
 * orchestrator computes its figures over validators). All zero when no validator had the figure.
 */
public record Spread(int validators, double avg, double p25, double p50, double p75, double p90, double p99) {

    public static Spread empty() {
        return new Spread(0, 0, 0, 0, 0, 0, 0);
    }

    static Spread of(double[] values) {
        if (values.length == 0) {
            return empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Spread(sorted.length, Arrays.stream(sorted).average().orElse(0), rank(sorted, 0.25),
                rank(sorted, 0.50), rank(sorted, 0.75), rank(sorted, 0.90), rank(sorted, 0.99));
    }

    public boolean isEmpty() {
        return validators == 0;
    }

    private static double rank(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
