package starfish.orchestrator.settings;

import java.time.Duration;

/** Crash faults injected during a benchmark (reference settings `faults`). */
public sealed interface Faults {

    /** Kill `faults` validators at the start and keep them down. */
    record Permanent(int faults) implements Faults {
    }

    /** Every `interval`, kill a third of `maxFaults` more, then restart them all. */
    record CrashRecovery(int maxFaults, Duration interval) implements Faults {
    }

    static Faults none() {
        return new Permanent(0);
    }
}
