package starfish.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a {@link TestKitOnly} scenario class through the Jupiter engine, by default on the recording testbed. */
final class TestKit {

    private TestKit() {
    }

    static EngineExecutionResults run(Class<?> scenarios, Path allureResults, Map<String, String> parameters) {
        return run(scenarios, RecordingTestbedFactory.class, allureResults, parameters);
    }

    static EngineExecutionResults run(Class<?> scenarios, Class<? extends TestbedFactory> factory, Path allureResults,
            Map<String, String> parameters) {
        Map<String, String> withFactory = new HashMap<>(parameters);
        withFactory.put(TestbedFactory.PARAMETER, factory.getName());
        return runOnDefaultTestbed(scenarios, allureResults, withFactory);
    }

    /** With the orchestrator's testbed, as a user's scenario runs. */
    static EngineExecutionResults runOnDefaultTestbed(Class<?> scenarios, Path allureResults,
            Map<String, String> parameters) {
        return withAllureWritingTo(allureResults, () -> EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(scenarios))
                .configurationParameters(parameters(allureResults, parameters))
                .execute());
    }

    /** Through a Launcher with Allure's listener, as surefire and failsafe run scenarios: Allure result files. */
    static void reportToAllure(Class<?> scenarios, Path allureResults, Map<String, String> parameters) {
        withAllureWritingTo(allureResults, () -> {
            LauncherFactory.create(LauncherConfig.builder()
                            .enableTestExecutionListenerAutoRegistration(false)
                            .enablePostDiscoveryFilterAutoRegistration(false)
                            .addTestExecutionListeners(new AllureJunitPlatform(Allure.getLifecycle()))
                            .build())
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClass(scenarios))
                            .filters(EngineFilter.includeEngines("junit-jupiter"))
                            .configurationParameters(parameters(allureResults, parameters))
                            .build());
            return null;
        });
    }

    static Map<String, String> parameters(Path allureResults, Map<String, String> more) {
        Map<String, String> all = new HashMap<>(more);
        all.put(TestKitOnly.PARAMETER, "true");
        all.put("allure.results.directory", allureResults.toString());
        all.putIfAbsent(BenchmarkProperties.HISTORY, allureResults.resolve("benchmark-history").toString());
        return all;
    }

    /**
     * Scenario runs report to a lifecycle of their own, so that they neither attach to the enclosing test's
     * Allure result nor write into the project's allure-results.
     */
    static <T> T withAllureWritingTo(Path allureResults, Supplier<T> run) {
        AllureLifecycle enclosing = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle(allureResults));
        try {
            return run.get();
        } finally {
            Allure.setLifecycle(enclosing);
        }
    }

    static AllureLifecycle lifecycle(Path allureResults) {
        return new AllureLifecycle(new FileSystemResultsWriter(allureResults));
    }
}
