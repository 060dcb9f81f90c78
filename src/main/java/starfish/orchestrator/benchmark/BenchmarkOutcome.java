package starfish.orchestrator.benchmark;

import java.nio.file.Path;
import starfish.orchestrator.measurement.Summary;

/**
 * A finished run: its summary, the measurements file, and the folder holding every validator's log
 * (`node-<authority>.log`), which is kept whether the run passed or failed.
 */
public record BenchmarkOutcome(BenchmarkParameters parameters, Summary summary, Path measurementsFile, Path logsDir) {
}
