package starfish.orchestrator.measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An honest validator's committed log as the safety check receives it: its lines, or why there are none. */
public sealed interface CommittedLog {

    /** Validator `authority`'s committed log from `file`, or why it cannot be had. */
    static CommittedLog read(int authority, Path file) {
        if (!Files.exists(file)) {
            return new Unavailable("validator " + authority + "'s committed log was not collected (" + file
                    + " is missing)");
        }
        try {
            return Lines.ofText(Files.readString(file));
        } catch (IOException e) {
            return new Unavailable("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The lines of `committed.log`, in file order. */
    record Lines(List<String> lines) implements CommittedLog {
        public Lines {
            lines = List.copyOf(lines);
        }

        /**
         * The lines a newline ends: what follows the last newline was being written when the validator was killed,
         * and may be cut inside its last field, where it would still look complete.
         */
        public static Lines ofText(String text) {
            String complete = text.substring(0, text.lastIndexOf('\n') + 1);
            return new Lines(complete.isEmpty() ? List.of() : List.of(complete.split("\n")));
        }
    }

    /** The log could not be collected or read; `reason` says which file and why. */
    record Unavailable(String reason) implements CommittedLog {
    }
}
