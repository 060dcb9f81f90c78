package starfish.orchestrator.benchmark;

import java.time.Duration;
import starfish.orchestrator.faults.CrashFaults;

/**
 * When a run is scraped and when its crash faults strike, the same in wall-clock and in virtual time: scrape 0 at
 * the start (the first figures and a baseline come without waiting a whole interval), then every interval, the last
 * at the run's end. Faults due before a scrape come first, and so do those due at the start: a validator crashed at
 * the start is never scraped, not even by scrape 0.
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

    public static void run(Duration interval, Duration duration, CrashFaults faults, Timeline timeline,
                           Scrape scrape) {
        for (long count = 0; ; count++) {
            Duration target = interval.multipliedBy(count);
            boolean last = target.compareTo(duration) >= 0;
            Duration scrapeAt = last ? duration : target;
            while (faults.nextTick() != null
                    && (faults.nextTick().compareTo(scrapeAt) < 0 || faults.nextTick().isZero())) {
                timeline.advanceTo(faults.nextTick());
                faults.applyDue(timeline.elapsed());
            }
            timeline.advanceTo(scrapeAt);
            scrape.at(scrapeAt, last);
            if (last) {
                return;
            }
        }
    }
}
