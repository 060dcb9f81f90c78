package starfish.orchestrator.monitoring;

import java.time.Duration;

/** Durations in the spelling Prometheus and Grafana read (`5s`, `1500ms`). */
final class PromDuration {

    private PromDuration() {
    }

    static String format(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a scrape interval must be positive, got " + duration);
        }
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
