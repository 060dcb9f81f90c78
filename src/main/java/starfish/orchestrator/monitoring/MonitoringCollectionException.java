package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Collecting the monitoring data failed. `kept` is the directory holding what was downloaded before the failure,
 * marked incomplete, when anything was.
 */
public final class MonitoringCollectionException extends RuntimeException {
    private final transient Optional<Path> kept;

    public MonitoringCollectionException(String message, Optional<Path> kept, Throwable cause) {
        super(message + kept.map(dir -> "; what was downloaded is kept, marked incomplete, in " + dir).orElse(""),
                cause);
        this.kept = kept;
    }

    public MonitoringCollectionException(String message) {
        this(message, Optional.empty(), null);
    }

    public Optional<Path> kept() {
        return kept;
    }
}
