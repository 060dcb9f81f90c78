package starfish.junit;

import java.time.Duration;
import starfish.orchestrator.measurement.LatencyStats;

/** A latency distribution as durations (the measurements keep milliseconds as doubles). */
public record LatencyDistribution(Duration avg, Duration stdev, Duration p25, Duration p50, Duration p75,
                                  Duration p90, Duration p99) {

    static LatencyDistribution of(LatencyStats millis) {
        return new LatencyDistribution(fromMillis(millis.avg()), fromMillis(millis.stdev()), fromMillis(millis.p25()),
                fromMillis(millis.p50()), fromMillis(millis.p75()), fromMillis(millis.p90()), fromMillis(millis.p99()));
    }

    private static Duration fromMillis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
