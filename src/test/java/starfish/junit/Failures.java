package starfish.junit;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** What failed in a test-kit run, as readable text for assertion messages. */
final class Failures {

    private Failures() {
    }

    static List<String> of(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": " + e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable).map(Throwable::toString).orElse("(no cause)"))
                .toList();
    }
}
