package starfish.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.protocol.ValidatorMetric;

/**
 * One crash fault and the restart after it, with how far the validator's committed sequence had come when it was
 * killed and how far it came after its restart (the highest `committed_sequence_length` it reported in each span;
 * 0 when it reported none).
 */
public record ValidatorRestart(int authority, double crashedAtSeconds, double restartedAtSeconds,
                               double committedWhenCrashed, double committedAfterRestart) {
    private static final String LENGTH = ValidatorMetric.COMMITTED_SEQUENCE_LENGTH.exposedName();

    /** Whether the restarted validator committed past where it was when it was killed. */
    public boolean committedAgain() {
        return committedAfterRestart > committedWhenCrashed;
    }

    /** Each restart of a run paired with the crash before it, in time order. */
    static List<ValidatorRestart> of(List<FaultEvent> events, Map<Integer, List<ValidatorScrape>> scrapes) {
        List<ValidatorRestart> restarts = new ArrayList<>();
        for (FaultEvent restart : events) {
            if (restart.kind() != FaultEvent.Kind.RESTARTED) {
                continue;
            }
            double crashedAt = events.stream().filter(e -> e.kind() == FaultEvent.Kind.CRASHED
                            && e.authority() == restart.authority() && e.elapsedSeconds() <= restart.elapsedSeconds())
                    .mapToDouble(FaultEvent::elapsedSeconds).max().orElse(0);
            List<ValidatorScrape> own = scrapes.getOrDefault(restart.authority(), List.of());
            double before = highest(own, 0, crashedAt);
            double after = highest(own, restart.elapsedSeconds(), Double.MAX_VALUE);
            restarts.add(new ValidatorRestart(restart.authority(), crashedAt, restart.elapsedSeconds(), before, after));
        }
        return restarts;
    }

    /** The highest sequence length scraped in (from, to]; a scrape at exactly `from` saw the old state. */
    private static double highest(List<ValidatorScrape> scrapes, double from, double to) {
        return scrapes.stream().filter(s -> s.elapsedSeconds() > from && s.elapsedSeconds() <= to)
                .mapToDouble(s -> s.value(LENGTH)).max().orElse(0);
    }
}
