package starfish.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a class of benchmark scenarios: its testbed is provisioned once before the class and destroyed after it
 * (unless {@code -Dtestbed.keep=true}). The tag keeps scenarios out of a plain {@code mvn verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("geo-benchmark")
@ExtendWith(GeoBenchmarkExtension.class)
public @interface GeoBenchmark {

    /** The settings file; {@code -Dtestbed.settings} wins over it; neither given: the local testbed. */
    String settings() default "";

    /**
     * How many instances to provision; 0: what the largest committee the class's {@link BenchmarkTest}s declare
     * needs (on remote testbeds also the monitoring host and the settings' dedicated_clients).
     */
    int instances() default 0;
}
