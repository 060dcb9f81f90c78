package starfish.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import starfish.protocol.Consensus;

/**
 * The child JVM of {@link InterruptedCloudRunIT}: runs {@link UntilKilled} on the fake cloud, as a user's JUnit run
 * would, until a signal ends it. Arguments: the settings file and whether to keep the testbed.
 */
public final class InterruptedCloudRun {

    private InterruptedCloudRun() {
    }

    public static void main(String[] args) {
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(UntilKilled.class))
                        .filters(EngineFilter.includeEngines("junit-jupiter"))
                        .configurationParameters(Map.of(TestKitOnly.PARAMETER, "true",
                                TestbedFactory.PARAMETER, FakeCloudTestbedFactory.class.getName(),
                                BenchmarkProperties.SETTINGS, args[0], BenchmarkProperties.KEEP, args[1]))
                        .build());
    }

    /** A scenario whose one run never ends. */
    @GeoBenchmark
    @TestKitOnly
    static class UntilKilled {
        @Test
        void runsUntilKilled(Benchmarks benchmarks) {
            benchmarks.run(Run.of(Consensus.MYSTICETI).committee(4).load(100).duration("1h"));
        }
    }
}
