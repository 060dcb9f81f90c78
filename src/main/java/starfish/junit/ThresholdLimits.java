package starfish.junit;

import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.SummaryFormat;
import starfish.orchestrator.settings.DurationText;

/** The limits of a {@link Thresholds} annotation, parsed once, and the check of a result against them. */
record ThresholdLimits(
        Optional<Duration> maxAvgLatency,
        Optional<Duration> maxP50Latency,
        Optional<Duration> maxP99Latency,
        double minThroughput,
        double minThroughputRatio,
        boolean requireSafety) {

    /** What holds without any annotation: the run must be safe. */
    static final ThresholdLimits SAFETY_ONLY = new ThresholdLimits(Optional.empty(), Optional.empty(),
            Optional.empty(), 0, 0, true);

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
                latency.apply(annotation.maxP99Latency()), annotation.minThroughput(),
                annotation.minThroughputRatio(), annotation.requireSafety());
    }

    /** Every violated limit as `metric measured ... limit`; empty when the result meets them all. */
    List<String> violations(BenchmarkResult result) {
        List<String> violations = new ArrayList<>();
        LatencyDistribution latency = result.transactionLatency();
        maxAvgLatency.ifPresent(max -> latencyAtMost(violations, "average", latency.avg(), max));
        maxP50Latency.ifPresent(max -> latencyAtMost(violations, "p50", latency.p50(), max));
        maxP99Latency.ifPresent(max -> latencyAtMost(violations, "p99", latency.p99(), max));
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
        return violations;
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
