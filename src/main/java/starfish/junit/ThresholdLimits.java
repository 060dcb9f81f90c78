package starfish.junit;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;
import starfish.junit.history.Baseline;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SummaryFormat;
import starfish.orchestrator.settings.DurationText;

/** The limits of a {@link Thresholds} annotation, parsed once, and the check of a result against them. */
record ThresholdLimits(
        Optional<Duration> maxAvgLatency,
        Optional<Duration> maxP50Latency,
        Optional<Duration> maxP99Latency,
        Optional<Duration> minP50Latency,
        double minThroughput,
        double minThroughputRatio,
        boolean requireSafety,
        Optional<Double> maxRegression) {
    /** A latency this much above the baseline is never a regression: round pacing alone varies by a few ms. */
    private static final double LATENCY_NOISE_MS = 5;

    /** What holds without any annotation: the run must be safe. */
    static final ThresholdLimits SAFETY_ONLY = new ThresholdLimits(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), 0, 0, true, Optional.empty());

    /** The nearest {@code @Thresholds}: the first element that carries one (method before class). */
    static ThresholdLimits nearest(List<? extends AnnotatedElement> elements) {
        return elements.stream()
                .map(element -> AnnotationSupport.findAnnotation(element, Thresholds.class).map(a -> of(a, element)))
                .flatMap(Optional::stream).findFirst().orElse(SAFETY_ONLY);
    }

    static ThresholdLimits of(Thresholds annotation, Object where) {
        Function<String, Optional<Duration>> latency = text -> text.isBlank() ? Optional.empty()
                : Optional.of(parse(text, where));
        return new ThresholdLimits(latency.apply(annotation.maxAvgLatency()), latency.apply(annotation.maxP50Latency()),
                latency.apply(annotation.maxP99Latency()), latency.apply(annotation.minP50Latency()),
                annotation.minThroughput(), annotation.minThroughputRatio(), annotation.requireSafety(),
                percent(annotation.maxRegression(), where));
    }

    /**
     * Every violated limit as `metric measured ... limit`, the regressions against `baseline` included; empty when
     * the result meets them all.
     */
    List<String> violations(BenchmarkResult result, Optional<Baseline> baseline) {
        List<String> violations = new ArrayList<>();
        LatencyDistribution latency = result.transactionLatency();
        maxAvgLatency.ifPresent(max -> latencyAtMost(violations, "average", latency.avg(), max));
        maxP50Latency.ifPresent(max -> latencyAtMost(violations, "p50", latency.p50(), max));
        maxP99Latency.ifPresent(max -> latencyAtMost(violations, "p99", latency.p99(), max));
        minP50Latency.filter(min -> latency.p50().compareTo(min) < 0).ifPresent(min -> violations.add(
                "threshold violated: p50 transaction latency " + SummaryFormat.millis(latency.p50())
                        + " is below the minimum of " + SummaryFormat.millis(min)));
        if (minThroughput > 0 && result.tps() < minThroughput) {
            violations.add("threshold violated: throughput " + SummaryFormat.rate(result.tps())
                    + " is below the minimum of " + SummaryFormat.rate(minThroughput));
        }
        if (minThroughputRatio > 0 && result.throughputRatio() < minThroughputRatio) {
            violations.add("threshold violated: throughput ratio " + SummaryFormat.decimal(result.throughputRatio())
                    + " (" + SummaryFormat.rate(result.tps()) + " of " + SummaryFormat.rate(result.parameters().load())
                    + " offered) is below the minimum of " + SummaryFormat.decimal(minThroughputRatio));
        }
        if (requireSafety && result.safety() == Safety.VIOLATED) {
            violations.add("safety violated: " + result.summary().safetyDetail());
        }
        maxRegression.ifPresent(limit -> baseline.ifPresent(base -> regressions(violations, result, base, limit)));
        return violations;
    }

    private static void regressions(List<String> violations, BenchmarkResult result, Baseline baseline,
            double limit) {
        String of = " (" + baseline.describe() + "; limit " + SummaryFormat.percent(limit) + ")";
        if (result.tps() < baseline.tps() * (1 - limit)) {
            violations.add("regression: throughput " + SummaryFormat.rate(result.tps()) + " is "
                    + SummaryFormat.percent(1 - result.tps() / baseline.tps()) + " below the baseline of "
                    + SummaryFormat.rate(baseline.tps()) + of);
        }
        double p50 = result.summary().transactionLatencyMs().p50();
        if (p50 > baseline.p50Ms() * (1 + limit) && p50 - baseline.p50Ms() > LATENCY_NOISE_MS) {
            violations.add("regression: p50 transaction latency " + SummaryFormat.decimal(p50) + " ms is "
                    + SummaryFormat.percent(p50 / baseline.p50Ms() - 1) + " above the baseline of "
                    + SummaryFormat.decimal(baseline.p50Ms()) + " ms" + of);
        }
    }

    private static Optional<Double> percent(String text, Object where) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String number = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1) : "";
        try {
            double value = Double.parseDouble(number.strip()) / 100;
            if (value > 0 && value < 1) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("@Thresholds on " + where + ": maxRegression \"" + text
                + "\" is not a percentage between 0% and 100%, e.g. \"15%\"");
    }

    /** With safety required, an unknown verdict: nothing was seen to diverge, but the run cannot be called safe. */
    Optional<String> unknownSafety(BenchmarkResult result) {
        return requireSafety && result.safety() == Safety.UNKNOWN
                ? Optional.of("safety unknown: " + result.summary().safetyDetail()) : Optional.empty();
    }

    private static void latencyAtMost(List<String> violations, String statistic, Duration measured, Duration max) {
        if (measured.compareTo(max) > 0) {
            violations.add("threshold violated: " + statistic + " transaction latency " + SummaryFormat.millis(measured)
                    + " exceeds the limit of " + SummaryFormat.millis(max));
        }
    }

    private static Duration parse(String text, Object where) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Thresholds on " + where + ": " + e.getMessage(), e);
        }
    }
}
