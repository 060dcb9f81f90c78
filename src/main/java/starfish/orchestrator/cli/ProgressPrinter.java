package starfish.orchestrator.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkPhase;
import starfish.orchestrator.measurement.Summary;

/** Prints each phase and one line per scrape: the CLI's progress, and the scenarios' on the console. */
public final class ProgressPrinter implements BenchmarkListener {
    private final PrintWriter out;

    public ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void phaseStarted(BenchmarkPhase phase) {
        out.println("> " + phase.name().toLowerCase(Locale.ROOT));
        out.flush();
    }

    @Override
    public void phaseFinished(BenchmarkPhase phase, Optional<Throwable> failure) {
        failure.ifPresent(f -> out.println("  " + phase.name().toLowerCase(Locale.ROOT) + " failed"));
    }

    @Override
    public void scraped(Duration elapsed, Summary current) {
        out.printf(Locale.ROOT, "  %5.1fs  tps %9.1f  p50 %7.1f ms%n", elapsed.toMillis() / 1000.0, current.tps(),
                current.transactionLatencyMs().p50());
        out.flush();
    }
}
