package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.ByzantineAuthorities;
import starfish.orchestrator.benchmark.RunStop;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.stability.StabilityReport;
import starfish.orchestrator.stability.StabilitySample;
import starfish.orchestrator.stability.StabilitySamples;

/**
 * One long run (`benchmark-stability`, `benchmark-outage`): the benchmark, then its measurements cut into samples
 * of `sampleInterval`, printed and written as CSV, JSON and charts beside the measurements file.
 */
final class LongRun {

    private LongRun() {
    }

    static int run(Settings settings, RunFlags flags, BenchmarkParameters parameters, Duration sampleInterval,
                   PrintWriter out) {
        if (sampleInterval.isZero() || sampleInterval.isNegative()) {
            throw new IllegalArgumentException("--sample-interval must be positive, was " + sampleInterval);
        }
        ByzantineAuthorities.requireTolerable(parameters, flags.allowUnsafeByzantine);
        RunStop stop = new RunStop();
        try (CliBenchmarks runs = CliBenchmarks.open(settings, flags, parameters.committee(), stop, out);
             InterruptStopsRun interrupt = parameters.untilStopped() ? new InterruptStopsRun(stop, out) : null) {
            BenchmarkOutcome outcome = runs.run(parameters);
            List<StabilitySample> samples = StabilitySamples.of(MeasurementsCollection.load(outcome.measurementsFile()),
                    sampleInterval, parameters.committee());
            out.print(render(samples));
            String base = outcome.measurementsFile().getFileName().toString()
                    .replaceFirst("^measurements-", "stability-").replaceFirst("\\.json$", "");
            List<Path> files = StabilityReport.write(outcome.measurementsFile(), base, samples);
            out.println("samples: " + files.get(0));
            out.println("charts:  " + files.get(2) + ", " + files.get(3));
            out.flush();
            return runs.exitCode();
        }
    }

    static String render(List<StabilitySample> samples) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%9s  %3s  %10s  %9s  %9s  %s%n", "until",
                "up", "tps", "p50 ms", "p99 ms", ""));
        for (StabilitySample s : samples) {
            text.append(String.format(Locale.ROOT, "%8.1fs  %3d  %10.1f  %9.1f  %9.1f  %s%n", s.endSeconds(),
                    s.validatorsUp(), s.tps(), s.transactionP50Ms(), s.transactionP99Ms(),
                    s.outageActive() ? "outage" : ""));
        }
        return text.toString().replaceAll(" +(\\R)", "$1");
    }
}
