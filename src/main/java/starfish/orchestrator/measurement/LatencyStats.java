package starfish.orchestrator.measurement;

/** Latency statistics in milliseconds; percentiles come from merged histograms. */
public record LatencyStats(double avg, double stdev, double p25, double p50, double p75, double p90, double p99) {

    public static LatencyStats empty() {
        return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
    }
}
