package starfish.junit;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summary;

/** What a scenario gets back from one benchmark run: the summary in typed form, the parameters and the files. */
public record BenchmarkResult(BenchmarkOutcome outcome) {

    public BenchmarkParameters parameters() {
        return outcome.parameters();
    }

    public Summary summary() {
        return outcome.summary();
    }

    /** The measurements JSON the orchestrator saved. */
    public Path measurementsFile() {
        return outcome.measurementsFile();
    }

    /** Sequenced transactions per second. */
    public double tps() {
        return summary().tps();
    }

    /** Sequenced payload bytes per second. */
    public double bps() {
        return summary().bps();
    }

    /** Measured throughput divided by the offered load (0 when no load was offered). */
    public double throughputRatio() {
        return parameters().load() == 0 ? 0 : tps() / parameters().load();
    }

    public LatencyDistribution transactionLatency() {
        return LatencyDistribution.of(summary().transactionLatencyMs());
    }

    public LatencyDistribution blockLatency() {
        return LatencyDistribution.of(summary().blockLatencyMs());
    }

    public double bandwidthBytesPerSecond() {
        return summary().bandwidthBytesPerSecond();
    }

    /** Bytes sent per second / TPS / transaction size: 1.0 means every transaction was sent once. */
    public double bandwidthEfficiency() {
        return summary().bandwidthEfficiency();
    }

    public Safety safety() {
        return summary().safety();
    }

    /** Whether every honest validator kept committing until the end. */
    public boolean live() {
        return summary().live();
    }

    /** The crash faults of a run that were followed by a restart, read from its measurements file. */
    public List<ValidatorRestart> restarts() {
        MeasurementsCollection measurements = MeasurementsCollection.load(measurementsFile());
        return ValidatorRestart.of(measurements.faultEvents(), measurements.scrapes());
    }
}
