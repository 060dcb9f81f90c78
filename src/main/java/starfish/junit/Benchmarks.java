package starfish.junit;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;
import starfish.junit.allure.AllureRunReport;
import starfish.junit.history.Baseline;
import starfish.junit.history.HistoryEntry;
import starfish.junit.history.ScenarioKey;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.BenchmarkPhase;
import starfish.orchestrator.cli.ProgressPrinter;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.measurement.SummaryFormat;
import starfish.orchestrator.report.Figures;
import starfish.orchestrator.report.RunRow;
import starfish.orchestrator.settings.SettingsRenderer;

/**
 * Runs benchmarks on the testbed of a {@link GeoBenchmark} class: inject it into any test method (for example a
 * {@code @ParameterizedTest}). Every run prints its progress and result on the console, is reported to Allure and
 * to JUnit's report entries, is capped by {@code -Dbenchmark.duration}, is checked against the method's (or
 * class's) {@link Thresholds} and the scenario's baseline, and joins the run history.
 */
public final class Benchmarks {
    private final ProvisionedTestbed testbed;
    private final BenchmarkClass benchmarkClass;
    private final String scenario;
    private final ThresholdLimits thresholds;
    private final Optional<Duration> durationCap;
    private final Consumer<Map<String, String>> reportEntries;

    Benchmarks(ProvisionedTestbed testbed, BenchmarkClass benchmarkClass, String scenario, ThresholdLimits thresholds,
            Optional<Duration> durationCap, Consumer<Map<String, String>> reportEntries) {
        this.testbed = testbed;
        this.benchmarkClass = benchmarkClass;
        this.scenario = scenario;
        this.thresholds = thresholds;
        this.durationCap = durationCap;
        this.reportEntries = reportEntries;
    }

    /** Runs one benchmark; throws an AssertionFailedError naming every violated threshold and regression. */
    public BenchmarkResult run(Run run) {
        return run(run.parameters());
    }

    BenchmarkResult run(BenchmarkParameters requested) {
        BenchmarkParameters parameters = capped(requested);
        AllureRunReport report = AllureRunReport.start(parameters, testbed.settings(),
                SettingsRenderer.render(testbed.settings()), benchmarkClass.commit());
        benchmarkClass.console().println("> " + parameters.displayName());
        BenchmarkOutcome outcome;
        try {
            outcome = testbed.run(parameters, both(report,
                    new ProgressPrinter(new PrintWriter(benchmarkClass.console(), true))));
        } catch (RuntimeException | Error e) {
            report.failed(testbed.settings().locations().logsDir(), Optional.of(e));
            throw e;
        }
        BenchmarkResult result = new BenchmarkResult(outcome);
        ScenarioKey key = benchmarkClass.key(scenario, parameters);
        List<HistoryEntry> history = new ArrayList<>(benchmarkClass.history().entries(key));
        Optional<Baseline> baseline = Baseline.of(history);
        List<String> violations = thresholds.violations(result, baseline);
        HistoryEntry entry = entry(outcome.summary(), violations.isEmpty());
        benchmarkClass.history().append(key, entry);
        history.add(entry);

        RunRow row = new RunRow(parameters, outcome.summary(), violations.isEmpty() ? RunRow.PASSED : "failed");
        report.finished(row, outcome.measurementsFile(), history, baseline);
        benchmarkClass.finished(row, report.placement());
        benchmarkClass.console().println("= " + row.line());
        reportEntries.accept(entries(row, baseline));
        if (!violations.isEmpty()) {
            report.failed(outcome.logsDir(), Optional.empty());
            throw new AssertionFailedError("[" + parameters.displayName() + "] " + String.join("; ", violations));
        }
        Optional<String> unknownSafety = thresholds.unknownSafety(result);
        if (unknownSafety.isPresent()) {
            report.failed(outcome.logsDir(), Optional.empty());
            throw new SafetyUnknownException("[" + parameters.displayName() + "] " + unknownSafety.get());
        }
        return result;
    }

    private HistoryEntry entry(Summary summary, boolean passed) {
        return new HistoryEntry(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), benchmarkClass.commit(),
                summary.tps(), summary.transactionLatencyMs().p50(), summary.transactionLatencyMs().p99(), passed);
    }

    /** The figures as JUnit report entries: they reach the Failsafe XML and IDEs. */
    private static Map<String, String> entries(RunRow row, Optional<Baseline> baseline) {
        Summary s = row.summary();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("run", row.parameters().displayName());
        entries.put("tps", Figures.rate(s.tps()));
        entries.put("p50", Figures.millis(s.transactionLatencyMs().p50()));
        entries.put("p99", Figures.millis(s.transactionLatencyMs().p99()));
        entries.put("bps", SummaryFormat.number(s.bps()) + " blocks/s");
        entries.put("efficiency", Figures.ratio(s.bandwidth().efficiencyCommittee()));
        entries.put("safety", Figures.safety(s));
        entries.put("live", String.valueOf(s.live()));
        baseline.ifPresent(b -> entries.put("baseline", Figures.rate(b.tps()) + ", p50 " + Figures.millis(b.p50Ms())
                + " (" + b.describe() + ")"));
        return entries;
    }

    private BenchmarkParameters capped(BenchmarkParameters parameters) {
        return durationCap.filter(cap -> cap.compareTo(parameters.duration()) < 0)
                .map(cap -> parameters.toBuilder().duration(cap).build()).orElse(parameters);
    }

    /** The run's progress goes to the report and to the console alike. */
    private static BenchmarkListener both(BenchmarkListener first, BenchmarkListener second) {
        return new BenchmarkListener() {
            @Override
            public void phaseStarted(BenchmarkPhase phase) {
                first.phaseStarted(phase);
                second.phaseStarted(phase);
            }

            @Override
            public void phaseFinished(BenchmarkPhase phase, Optional<Throwable> failure) {
                first.phaseFinished(phase, failure);
                second.phaseFinished(phase, failure);
            }

            @Override
            public void scraped(Duration elapsed, Summary current) {
                first.scraped(elapsed, current);
                second.scraped(elapsed, current);
            }
        };
    }
}
