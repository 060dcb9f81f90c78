package starfish.orchestrator.measurement;

import static starfish.protocol.ValidatorMetric.COMMITTED_SEQUENCE_LENGTH;

import java.util.Map;
import java.util.Set;

/**
 * Whether honest validators kept committing throughout the run: in each third of the run some honest validator's
 * committed sequence grew, and every honest validator still up at the end grew in the last third. Validators a
 * crash fault stopped count while they run; growth is read within one process's life (restarts reset the gauge),
 * over the scrapes that cover each part, so that parts shorter than the scrape interval are judged too.
 */
final class Liveness {

    private static final int PARTS = 3;

    private Liveness() {
    }

    static boolean kept(Map<Integer, ValidatorSeries> honest, Set<Integer> downAtEnd) {
        double first = honest.values().stream().mapToDouble(s -> s.first().elapsedSeconds()).min().orElse(0);
        double last = honest.values().stream().mapToDouble(s -> s.last().elapsedSeconds()).max().orElse(0);
        if (honest.isEmpty() || last <= first) {
            return false;
        }
        double part = (last - first) / PARTS;
        for (int k = 0; k < PARTS; k++) {
            double from = first + k * part;
            double to = k == PARTS - 1 ? last : from + part;
            if (honest.values().stream().noneMatch(series -> grewWithin(series, from, to))) {
                return false;
            }
        }
        double lastThird = last - part;
        return honest.entrySet().stream().filter(e -> !downAtEnd.contains(e.getKey()))
                .allMatch(e -> grewWithin(e.getValue(), lastThird, last));
    }

    /**
     * Whether the sequence grew over the shortest stretch of scrapes that covers [from, to] (from the last scrape
     * at or before `from` to the first at or after `to`), counting only the life the later scrape belongs to.
     */
    private static boolean grewWithin(ValidatorSeries series, double from, double to) {
        int end = series.firstAtOrAfter(to);
        int start = Math.max(Math.min(series.lastAtOrBefore(from), end), series.lifeStartOf(end));
        String length = COMMITTED_SEQUENCE_LENGTH.exposedName();
        return series.get(end).value(length) > series.get(start).value(length);
    }
}
