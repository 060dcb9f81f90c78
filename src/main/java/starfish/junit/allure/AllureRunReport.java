package starfish.junit.allure;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.junit.history.Baseline;
import starfish.junit.history.HistoryEntry;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.BenchmarkPhase;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.report.RunRow;
import starfish.orchestrator.report.SvgLineChart;
import starfish.orchestrator.report.SvgLineChart.Point;
import starfish.orchestrator.report.SvgLineChart.Series;
import starfish.orchestrator.settings.DurationText;
import starfish.orchestrator.settings.Settings;

/**
 * One benchmark run in the Allure result of the test that is running: parameters and labels, a step per phase,
 * and the attachments (summary, measurements, charts, settings, validator log tails). Outside an Allure-reported
 * test (no current test case) it records nothing.
 */
public final class AllureRunReport implements BenchmarkListener {
    private static final int LOG_TAIL_LINES = 200;
    private static final List<String> CHART_NAMES = List.of("throughput over time", "latency over time");
    private static final Set<String> PLACEMENT_LABELS = Set.of(ResultsUtils.PARENT_SUITE_LABEL_NAME,
            ResultsUtils.SUITE_LABEL_NAME, ResultsUtils.SUB_SUITE_LABEL_NAME, ResultsUtils.PACKAGE_LABEL_NAME,
            ResultsUtils.TEST_CLASS_LABEL_NAME, ResultsUtils.EPIC_LABEL_NAME, ResultsUtils.FRAMEWORK_LABEL_NAME,
            ResultsUtils.LANGUAGE_LABEL_NAME);

    private final AllureLifecycle lifecycle;
    private final Optional<String> testCase;
    private final Map<BenchmarkPhase, String> openSteps = new EnumMap<>(BenchmarkPhase.class);
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();

    private record Sample(double seconds, double tps, double p50Ms, double p99Ms) {
    }

    private AllureRunReport(AllureLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.testCase = lifecycle.getCurrentTestCase();
    }

    /** Labels the current test with the run's parameters and attaches the (redacted) settings. */
    public static AllureRunReport start(BenchmarkParameters parameters, Settings settings, String renderedSettings,
            String commit) {
        AllureRunReport report = new AllureRunReport(Allure.getLifecycle());
        report.testCase.ifPresent(uuid -> report.lifecycle.updateTestCase(uuid, test -> {
            test.getLabels().add(label(ResultsUtils.EPIC_LABEL_NAME, "geo-benchmark"));
            test.getLabels().add(label(ResultsUtils.FEATURE_LABEL_NAME, parameters.consensus().cliName()));
            List<Parameter> list = test.getParameters();
            list.add(parameter("consensus", parameters.consensus().cliName()));
            list.add(parameter("committee", parameters.committee()));
            list.add(parameter("load (tx/s)", parameters.load()));
            list.add(parameter("byzantine nodes", parameters.byzantineNodes()));
            list.add(parameter("byzantine strategy", parameters.byzantineStrategy().cliName()));
            list.add(parameter("mimicked latency", parameters.mimicExtraLatency()));
            list.add(parameter("duration", DurationText.format(parameters.duration())));
            list.add(parameter("provider", settings.testbed().cloudProvider().yamlName()));
            list.add(parameter("commit", commit));
        }));
        report.attach("settings", "text/yaml", ".yml", renderedSettings.getBytes(StandardCharsets.UTF_8));
        return report;
    }

    @Override
    public synchronized void phaseStarted(BenchmarkPhase phase) {
        testCase.ifPresent(parent -> {
            String step = UUID.randomUUID().toString();
            lifecycle.startStep(parent, step, new StepResult().setName(phase.name().toLowerCase()));
            openSteps.put(phase, step);
        });
    }

    @Override
    public synchronized void phaseFinished(BenchmarkPhase phase, Optional<Throwable> failure) {
        Optional.ofNullable(openSteps.remove(phase)).ifPresent(step -> stop(step, failure));
    }

    @Override
    public void scraped(Duration elapsed, Summary current) {
        samples.add(new Sample(elapsed.toMillis() / 1000.0, current.tps(), current.transactionLatencyMs().p50(),
                current.transactionLatencyMs().p99()));
    }

    /**
     * A finished run: its figures, charts and trend on the test's page (appended, for tests that run several), and
     * the summary table, the measurements file and the charts as attachments.
     */
    public void finished(RunRow row, Path measurementsFile, List<HistoryEntry> history, Optional<Baseline> baseline) {
        closeOpenSteps(Optional.empty());
        attach("summary", "text/html", ".html", SummaryTable.html(row.parameters(), row.summary())
                .getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(measurementsFile)) {
            attach("measurements", "application/json", ".json", read(measurementsFile));
        }
        List<String> charts = charts();
        for (int i = 0; i < charts.size(); i++) {
            attach(CHART_NAMES.get(i), "image/svg+xml", ".svg", charts.get(i).getBytes(StandardCharsets.UTF_8));
        }
        String overview = RunOverview.html(row, charts, history, baseline);
        testCase.ifPresent(uuid -> lifecycle.updateTestCase(uuid, test -> test.setDescriptionHtml(
                Optional.ofNullable(test.getDescriptionHtml()).orElse("") + overview)));
    }

    /** The labels that place the running test in the report's suites, for a page beside it. */
    public List<Label> placement() {
        List<Label> labels = new ArrayList<>();
        testCase.ifPresent(uuid -> lifecycle.updateTestCase(uuid, test -> test.getLabels().stream()
                .filter(label -> PLACEMENT_LABELS.contains(label.getName())).forEach(labels::add)));
        return labels;
    }

    private List<String> charts() {
        if (samples.isEmpty()) {
            return List.of();
        }
        return List.of(SvgLineChart.render("Throughput", "s", "tx/s", List.of(series("tps", "#1f77b4", Sample::tps))),
                SvgLineChart.render("Transaction latency", "s", "ms",
                        List.of(series("p50", "#2ca02c", Sample::p50Ms), series("p99", "#d62728", Sample::p99Ms))));
    }

    /**
     * A failed run: open steps are marked broken and the tail of every validator log that this run wrote below
     * `logsDir` is attached.
     */
    public void failed(Path logsDir, Optional<Throwable> failure) {
        closeOpenSteps(failure);
        for (LogTails.Tail tail : LogTails.of(logsDir, started, LOG_TAIL_LINES)) {
            attach(tail.file().getFileName() + " (last " + LOG_TAIL_LINES + " lines)", "text/plain", ".log",
                    tail.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    private synchronized void closeOpenSteps(Optional<Throwable> failure) {
        openSteps.values().forEach(step -> stop(step, failure.or(() -> Optional.of(
                new IllegalStateException("the run ended before this phase finished")))));
        openSteps.clear();
    }

    private void stop(String step, Optional<Throwable> failure) {
        lifecycle.updateStep(step, result -> {
            result.setStatus(failure.isPresent() ? Status.BROKEN : Status.PASSED);
            failure.ifPresent(f -> result.setStatusDetails(new StatusDetails().setMessage(String.valueOf(f.getMessage()))));
        });
        lifecycle.stopStep(step);
    }

    /** Attaches to the test case itself (not to whatever step is current on this thread). */
    private void attach(String name, String type, String extension, byte[] content) {
        testCase.ifPresent(uuid -> {
            String source = UUID.randomUUID() + "-attachment" + extension;
            lifecycle.updateTestCase(uuid, test -> test.getAttachments()
                    .add(new Attachment().setName(name).setType(type).setSource(source)));
            lifecycle.writeAttachment(source, new ByteArrayInputStream(content));
        });
    }

    private Series series(String name, String color, ToDoubleFunction<Sample> value) {
        return new Series(name, color, samples.stream().map(s -> new Point(s.seconds(), value.applyAsDouble(s)))
                .toList());
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static Parameter parameter(String name, Object value) {
        return new Parameter().setName(name).setValue(String.valueOf(value));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
