package starfish.orchestrator.benchmark;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.measurement.Summary;

/**
 * A finished run: its summary, the measurements file, the folder holding every validator's log
 * (`node-<authority>.log`), which is kept whether the run passed or failed, and with `log_processing` the ERROR and
 * exception counts of those logs (empty without it).
 */
public record BenchmarkOutcome(BenchmarkParameters parameters, Summary summary, Path measurementsFile, Path logsDir,
                               List<LogErrorCounts> logErrors) {

    public BenchmarkOutcome {
        logErrors = List.copyOf(logErrors);
    }

    /** An outcome whose logs were not processed. */
    public BenchmarkOutcome(BenchmarkParameters parameters, Summary summary, Path measurementsFile, Path logsDir) {
        this(parameters, summary, measurementsFile, logsDir, List.of());
    }
}
