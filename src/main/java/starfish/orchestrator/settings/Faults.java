package starfish.orchestrator.settings;

import java.time.Duration;

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

    /** The same faults, stopping validators the other way. */
    default Faults withStop(CrashStop other) {
        return this instanceof CrashRecovery c ? new CrashRecovery(c.maxFaults(), c.interval(), other)
                : new Permanent(((Permanent) this).faults(), other);
    }

    static Faults none() {
        return new Permanent(0);
    }
}
