package starfish.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Scenario classes that the extension's tests run through the test kit: disabled in any other run (for example
 * {@code -Dgroups=geo-benchmark}), since they carry the geo-benchmark tag.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestKitOnly.Condition.class)
@interface TestKitOnly {
    String PARAMETER = "starfish.junit.test-kit";

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false)
                    ? ConditionEvaluationResult.enabled("run by the extension's tests")
                    : ConditionEvaluationResult.disabled("runs only inside the extension's tests");
        }
    }
}
