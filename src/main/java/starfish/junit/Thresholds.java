package starfish.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits every benchmark run of a method (or of every method of a class) must meet; a method's annotation replaces
 * its class's. Latencies are end-to-end transaction latencies; an empty string or 0 means no limit. A violation
 * fails the invocation with the metric, the measured value and the limit. Without any {@code @Thresholds}, a run
 * must still be safe.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Thresholds {

    String maxAvgLatency() default "";

    String maxP50Latency() default "";

    String maxP99Latency() default "";

    /**
     * A lower bound where a feature must show: with mimicked geo-latency, a p50 below the added delay means the
     * latency was not applied.
     */
    String minP50Latency() default "";

    /** Sequenced transactions per second. */
    double minThroughput() default 0;

    /** Measured throughput divided by the offered load, e.g. 0.95. */
    double minThroughputRatio() default 0;

    /**
     * How much worse than its baseline a run may be, e.g. {@code "15%"}: throughput lower or p50 transaction latency
     * higher than the median of the last comparable runs (same scenario, parameters and kind of machine) that met
     * their thresholds, kept in the run history between builds. No limit until the history holds three such runs.
     */
    String maxRegression() default "";

    /** Fail when honest validators' committed sequences diverge. */
    boolean requireSafety() default true;
}
