package starfish.orchestrator.faults;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.measurement.FaultEvent;
import starfish.orchestrator.measurement.MeasurementsCollection;

/**
 * Applies a crash schedule during the measurement: each tick that is due stops or restarts validators through
 * the testbed and records the event. Knows which validators are down, so that they are not scraped meanwhile.
 * Used from the one thread that runs the measurement.
 */
public final class CrashFaults {

    private static final Logger LOG = LoggerFactory.getLogger(CrashFaults.class);

    private final CrashSchedule schedule;
    private final ValidatorControl control;
    private final MeasurementsCollection measurements;
    private final Set<Integer> down = new TreeSet<>();
    private Duration nextTick;

    public CrashFaults(CrashSchedule schedule, ValidatorControl control, MeasurementsCollection measurements) {
        this.schedule = schedule;
        this.control = control;
        this.measurements = measurements;
        this.nextTick = schedule.isActive() ? schedule.firstTick() : null;
    }

    /** When the next tick is due, counted from the start of the measurement; null when none will come. */
    public Duration nextTick() {
        return nextTick;
    }

    public boolean isDown(int authority) {
        return down.contains(authority);
    }

    /** Applies every tick due at `elapsed`. */
    public void applyDue(Duration elapsed) {
        while (nextTick != null && nextTick.compareTo(elapsed) <= 0) {
            apply(schedule.next(), elapsed);
            nextTick = schedule.tickAfter(nextTick);
        }
    }

    private void apply(FaultStep step, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        for (int authority : step.crash()) {
            LOG.info("crash fault: stopping validator {}", authority);
            control.crash(authority);
            down.add(authority);
            measurements.recordFault(new FaultEvent(seconds, authority, FaultEvent.Kind.CRASHED));
        }
        for (int authority : step.restart()) {
            LOG.info("crash fault: restarting validator {}", authority);
            control.restart(authority);
            down.remove(authority);
            measurements.recordFault(new FaultEvent(seconds, authority, FaultEvent.Kind.RESTARTED));
        }
    }
}
