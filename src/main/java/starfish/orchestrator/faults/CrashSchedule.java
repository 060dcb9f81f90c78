package starfish.orchestrator.faults;

import java.time.Duration;
import java.util.List;
import starfish.orchestrator.settings.Faults;

/**
 * Which validators crash and recover, tick by tick (the reference's crash-recovery schedule). Permanent(k): the
 * first tick stops k validators for good. CrashRecovery(max, interval): a tick every interval stops a third of
 * max, then the next third, then the rest, and the tick after that restarts them all; then again. Outage: a tick at
 * its start stops every target, a tick its length later restarts them (none with keep-down).
 * `targets` lists the validators that may be crashed, in the order they are picked (see CrashTargets).
 */
public final class CrashSchedule {

    private final Faults faults;
    private final List<Integer> targets;
    private int down;
    private boolean permanentApplied;

    public CrashSchedule(Faults faults, List<Integer> targets) {
        int needed = faults instanceof Faults.CrashRecovery c ? c.maxFaults()
                : faults instanceof Faults.Outage ? targets.size() : ((Faults.Permanent) faults).faults();
        if (needed > targets.size()) {
            throw new IllegalArgumentException("cannot crash " + needed + " validators: only " + targets.size()
                    + " honest validators are available; lower the faults or the Byzantine nodes");
        }
        this.faults = faults;
        this.targets = List.copyOf(targets);
    }

    /** Time from the start of the measurement to the first tick. */
    public Duration firstTick() {
        if (faults instanceof Faults.Outage o) {
            return o.start();
        }
        return faults instanceof Faults.CrashRecovery c ? c.interval() : Duration.ZERO;
    }

    /** The tick after the one at `tick` (call after next()), or null when the schedule has no more. */
    public Duration tickAfter(Duration tick) {
        if (faults instanceof Faults.Outage o) {
            return down > 0 && !o.keepDown() ? tick.plus(o.length()) : null;
        }
        return faults instanceof Faults.CrashRecovery c ? tick.plus(c.interval()) : null;
    }

    /** Whether this schedule ever does anything. */
    public boolean isActive() {
        if (faults instanceof Faults.Outage) {
            return !targets.isEmpty();
        }
        if (faults instanceof Faults.CrashRecovery c) {
            return c.maxFaults() > 0 && !c.interval().isZero();
        }
        return ((Faults.Permanent) faults).faults() > 0;
    }

    public FaultStep next() {
        if (faults instanceof Faults.Outage) {
            return outage();
        }
        if (faults instanceof Faults.CrashRecovery c) {
            return crashRecovery(c.maxFaults());
        }
        return permanent(((Faults.Permanent) faults).faults());
    }

    private FaultStep outage() {
        if (down == 0) {
            down = targets.size();
            return new FaultStep(targets, List.of());
        }
        down = 0;
        return new FaultStep(List.of(), targets);
    }

    private FaultStep permanent(int count) {
        if (permanentApplied) {
            return FaultStep.none();
        }
        permanentApplied = true;
        return new FaultStep(targets.subList(0, count), List.of());
    }

    private FaultStep crashRecovery(int max) {
        if (max == 0) {
            return FaultStep.none();
        }
        if (down == max) {
            down = 0;
            return new FaultStep(List.of(), targets.subList(0, max));
        }
        int third = max / 3;
        int upTo = third == 0 || down == 2 * third ? max : down + third;
        FaultStep step = new FaultStep(targets.subList(down, upTo), List.of());
        down = upTo;
        return step;
    }
}
