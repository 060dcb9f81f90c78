package starfish.orchestrator.measurement;

import java.util.List;

/** An honest validator's committed log as the safety check receives it: its lines, or why there are none. */
public sealed interface CommittedLog {

    /** The lines of `committed.log`, in file order. */
    record Lines(List<String> lines) implements CommittedLog {
        public Lines {
            lines = List.copyOf(lines);
        }
    }

    /** The log could not be collected or read; `reason` says which file and why. */
    record Unavailable(String reason) implements CommittedLog {
    }
}
