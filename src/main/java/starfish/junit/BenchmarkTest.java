package starfish.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * A benchmark scenario: one run, and one test invocation, per combination of consensus x committee x load, each
 * named by {@code BenchmarkParameters.displayName()}. The method may take the run's {@link BenchmarkResult}.
 * Needs {@link GeoBenchmark} on the class.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(BenchmarkTestInvocations.class)
public @interface BenchmarkTest {

    Consensus[] consensus() default Consensus.MYSTICETI;

    /** Committee sizes (validators). */
    int[] committee() default 4;

    /** Offered loads in transactions per second, for the whole committee. */
    int[] loads() default 1_000;

    int byzantineNodes() default 0;

    ByzantineStrategy byzantineStrategy() default ByzantineStrategy.HONEST;

    /** Whether validators add the latency of a geo-distributed deployment to their messages. */
    boolean mimicLatency() default false;

    /** How long each run measures: {@code 500ms}, {@code 30s}, {@code 2m}; capped by {@code -Dbenchmark.duration}. */
    String duration() default "60s";
}
