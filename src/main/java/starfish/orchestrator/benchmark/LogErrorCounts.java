package starfish.orchestrator.benchmark;

import java.nio.file.Path;

/** What `log_processing` found in one validator's downloaded log: lines logged at ERROR and lines naming an exception. */
public record LogErrorCounts(int authority, Path logFile, int errorLines, int exceptionLines) {

    public boolean any() {
        return errorLines > 0 || exceptionLines > 0;
    }
}
