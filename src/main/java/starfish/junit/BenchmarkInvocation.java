package starfish.junit;

import java.util.List;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import starfish.orchestrator.benchmark.BenchmarkParameters;

/**
 * One invocation of a {@link BenchmarkTest}: the benchmark runs (and its thresholds are checked) just before the
 * method body, which then receives the {@link BenchmarkResult}.
 */
record BenchmarkInvocation(BenchmarkParameters parameters) implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
        return parameters.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new RunBeforeBody(parameters));
    }

    private static final class RunBeforeBody implements BeforeTestExecutionCallback, ParameterResolver {
        private final BenchmarkParameters parameters;
        private BenchmarkResult result;

        RunBeforeBody(BenchmarkParameters parameters) {
            this.parameters = parameters;
        }

        @Override
        public void beforeTestExecution(ExtensionContext context) {
            result = GeoBenchmarkExtension.benchmarks(context).run(parameters);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BenchmarkResult.class;
        }

        @Override
        public BenchmarkResult resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return result;
        }
    }
}
