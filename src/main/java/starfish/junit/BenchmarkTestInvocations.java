package starfish.junit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.DurationText;
import starfish.protocol.Consensus;

/** Expands a {@link BenchmarkTest} into one invocation per consensus x committee x load, in that order. */
final class BenchmarkTestInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), BenchmarkTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        BenchmarkTest test = AnnotationSupport.findAnnotation(method, BenchmarkTest.class).orElseThrow();
        return parameters(test, method).stream().map(BenchmarkInvocation::new);
    }

    static List<BenchmarkParameters> parameters(BenchmarkTest test, Method method) {
        String where = "@BenchmarkTest on " + method.getDeclaringClass().getSimpleName() + "." + method.getName();
        requireValues(where, "consensus", test.consensus().length);
        requireValues(where, "committee", test.committee().length);
        requireValues(where, "loads", test.loads().length);
        List<BenchmarkParameters> all = new ArrayList<>();
        try {
            Duration duration = DurationText.parse(test.duration());
            for (Consensus consensus : test.consensus()) {
                for (int committee : test.committee()) {
                    for (int load : test.loads()) {
                        all.add(BenchmarkParameters.builder().consensus(consensus).committee(committee).load(load)
                                .byzantine(test.byzantineNodes(), test.byzantineStrategy())
                                .mimicExtraLatency(test.mimicLatency()).duration(duration).build());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
        return all;
    }

    private static void requireValues(String where, String attribute, int count) {
        if (count == 0) {
            throw new ExtensionConfigurationException(where + ": " + attribute + " lists no value; give at least one");
        }
    }
}
