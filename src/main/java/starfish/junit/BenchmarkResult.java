package starfish.junit;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.Bandwidth;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.Resources;
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

    /** Committed blocks per second (the reference orchestrator's `bps`). */
    public double bps() {
        return summary().bps();
    }

    /** Sequenced transaction bytes per second: TPS x the transaction size. */
    public double payloadBytesPerSecond() {
        return summary().payloadBytesPerSecond();
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

    /** Bytes sent: by the committee, per validator, and per byte of sequenced transactions. */
    public Bandwidth bandwidth() {
        return summary().bandwidth();
    }

    /** CPU, memory, storage and bandwidth per round, header size, readiness and metrics coverage. */
    public Resources resources() {
        return summary().resources();
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
