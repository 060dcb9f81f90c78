package starfish.orchestrator.benchmark;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import starfish.orchestrator.faults.CrashFaults;

/**
 * When a run is scraped and when its crash faults strike, the same in wall-clock and in virtual time: scrape 0 at
 * the start (the first figures and a baseline come without waiting a whole interval), then every interval, the last
 * at the run's end. Faults due before a scrape come first, and so do those due at the start: a validator crashed at
 * the start is never scraped, not even by scrape 0. A run of duration zero has no end of its own: it goes on until
 * `stopRequested` says so, and the scrape at that moment is its last.
 */
public final class MeasurementSchedule {

    /** How the run's time moves: by waiting on a real clock, or by running a simulation forward. */
    public interface Timeline {
        /** Returns once `offset` from the start of the measurement has been reached. */
        void advanceTo(Duration offset);

        /** Time since the start of the measurement. */
        Duration elapsed();
    }

    /** What happens at each scrape: `at` is the scheduled offset, `last` whether it ends the run. */
    public interface Scrape {
        void at(Duration at, boolean last);
    }

    private MeasurementSchedule() {
    }

    /** `timeline.advanceTo` may return early once `stopRequested` holds. */
    public static void run(Duration interval, Duration duration, CrashFaults faults, Timeline timeline,
                           BooleanSupplier stopRequested, Scrape scrape) {
        boolean untilStopped = duration.isZero();
        for (long count = 0; ; count++) {
            Duration target = interval.multipliedBy(count);
            boolean last = !untilStopped && target.compareTo(duration) >= 0;
            Duration scrapeAt = last ? duration : target;
            while (faults.nextTick() != null && !stopRequested.getAsBoolean()
                    && (faults.nextTick().compareTo(scrapeAt) < 0 || faults.nextTick().isZero())) {
                timeline.advanceTo(faults.nextTick());
                faults.applyDue(timeline.elapsed());
            }
            timeline.advanceTo(scrapeAt);
            if (untilStopped && stopRequested.getAsBoolean()) {
                scrape.at(timeline.elapsed(), true);
                return;
            }
            scrape.at(scrapeAt, last);
            if (last) {
                return;
            }
        }
    }
}
