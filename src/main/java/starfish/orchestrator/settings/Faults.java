package starfish.orchestrator.settings;

import java.time.Duration;
import java.util.List;

/** Crash faults injected during a benchmark (reference settings `faults`); `stop` says how a validator is stopped. */
public sealed interface Faults {

    CrashStop stop();

    /** Kill `faults` validators at the start and keep them down. */
    record Permanent(int faults, CrashStop stop) implements Faults {
        public Permanent(int faults) {
            this(faults, CrashStop.KILL);
        }
    }

    /** Every `interval`, kill a third of `maxFaults` more, then restart them all. */
    record CrashRecovery(int maxFaults, Duration interval, CrashStop stop) implements Faults {
        public CrashRecovery(int maxFaults, Duration interval) {
            this(maxFaults, interval, CrashStop.KILL);
        }
    }

    /**
     * One outage: `start` after the measurement begins, stop the validators `authorities` names (or, when it names
     * none, `count` honest validators spread over the committee, 0 meaning a third of it, at least one), and restart
     * them `length` later, unless `keepDown`.
     */
    record Outage(Duration start, Duration length, boolean keepDown, List<Integer> authorities, int count,
                  CrashStop stop) implements Faults {
        public Outage {
            authorities = List.copyOf(authorities);
            if (start.isNegative() || length.isNegative() || (!keepDown && length.isZero())) {
                throw new IllegalArgumentException("an outage needs a start of at least 0 and a positive length"
                        + " (or keep-down), was start " + DurationText.format(start.abs()) + ", length "
                        + DurationText.format(length.abs()));
            }
            if (count < 0) {
                throw new IllegalArgumentException("an outage's count must not be negative, was " + count);
            }
        }
    }

    /** The same faults, stopping validators the other way. */
    default Faults withStop(CrashStop other) {
        if (this instanceof Outage o) {
            return new Outage(o.start(), o.length(), o.keepDown(), o.authorities(), o.count(), other);
        }
        return this instanceof CrashRecovery c ? new CrashRecovery(c.maxFaults(), c.interval(), other)
                : new Permanent(((Permanent) this).faults(), other);
    }

    static Faults none() {
        return new Permanent(0);
    }
}
