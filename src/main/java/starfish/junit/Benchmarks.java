package starfish.junit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;
import starfish.junit.allure.AllureRunReport;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.SettingsRenderer;

/**
 * Runs benchmarks on the testbed of a {@link GeoBenchmark} class: inject it into any test method (for example a
 * {@code @ParameterizedTest}). Every run is reported to Allure, capped by {@code -Dbenchmark.duration}, and checked
 * against the method's (or class's) {@link Thresholds}.
 */
public final class Benchmarks {
    private final ProvisionedTestbed testbed;
    private final ThresholdLimits thresholds;
    private final Optional<Duration> durationCap;
    private final String commit;

    Benchmarks(ProvisionedTestbed testbed, ThresholdLimits thresholds, Optional<Duration> durationCap, String commit) {
        this.testbed = testbed;
        this.thresholds = thresholds;
        this.durationCap = durationCap;
        this.commit = commit;
    }

    /** Runs one benchmark; throws an AssertionFailedError naming every violated threshold. */
    public BenchmarkResult run(BenchmarkParameters requested) {
        BenchmarkParameters parameters = capped(requested);
        AllureRunReport report = AllureRunReport.start(parameters, testbed.settings(),
                SettingsRenderer.render(testbed.settings()), commit);
        BenchmarkOutcome outcome;
        try {
            outcome = testbed.run(parameters, report);
        } catch (RuntimeException | Error e) {
            report.failed(testbed.settings().logsDir(), Optional.of(e));
            throw e;
        }
        report.finished(outcome);
        BenchmarkResult result = new BenchmarkResult(outcome);
        List<String> violations = thresholds.violations(result);
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

    private BenchmarkParameters capped(BenchmarkParameters parameters) {
        return durationCap.filter(cap -> cap.compareTo(parameters.duration()) < 0)
                .map(cap -> parameters.toBuilder().duration(cap).build()).orElse(parameters);
    }
}
