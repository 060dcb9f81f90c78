package starfish.orchestrator.settings;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a crash fault stops a validator: `kill` (SIGKILL, the default: like a power cut or `kill -9`, it may land in
 * the middle of a write) or `graceful` (SIGTERM: the validator closes its logs cleanly first).
 */
public enum CrashStop {
    KILL, GRACEFUL;

    public String settingsName() {
        return name().toLowerCase();
    }

    public static Optional<CrashStop> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.settingsName().equals(text)).findFirst();
    }
}
