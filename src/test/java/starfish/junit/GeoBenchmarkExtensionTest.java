package starfish.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import starfish.junit.history.HistoryEntry;
import starfish.junit.history.MachineKind;
import starfish.junit.history.RunHistory;
import starfish.junit.history.ScenarioKey;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.HostTraits;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

class GeoBenchmarkExtensionTest {
    @TempDir
    Path allureResults;

    @BeforeEach
    void reset() {
        RecordingTestbedFactory.reset();
    }

    @TestKitOnly
    @GeoBenchmark
    static class FourInvocationsAndAParameterizedTest {
        @BenchmarkTest(consensus = {Consensus.MYSTICETI, Consensus.STARFISH}, loads = {100, 200}, duration = "30s")
        void sweep(BenchmarkResult result) {
            assertThat(result.tps()).isPositive();
        }

        @ParameterizedTest
        @CsvSource({"mysticeti, chain-bomb", "starfish, equivocating-chains-bomb"})
        void underAttack(String consensus, String strategy, Benchmarks benchmarks) {
            benchmarks.run(Run.of(Consensus.fromCliName(consensus)).committee(4).load(50)
                    .byzantine(1, ByzantineStrategy.fromCliName(strategy)).duration("5s"));
        }
    }

    @TestKitOnly
    @GeoBenchmark
    static class Regressed {
        @BenchmarkTest(loads = 1_000, duration = "5s")
        @Thresholds(maxRegression = "15%")
        void steady() {
        }
    }

    @Test
    void failsARunWorseThanTheMedianOfItsLastComparableRunsAndNamesBoth() {
        RunHistory history = new RunHistory(allureResults.resolve("history"));
        ScenarioKey key = new ScenarioKey("Regressed.steady",
                BenchmarkParameters.builder().load(1_000).duration(Duration.ofSeconds(5)).build().slug(),
                MachineKind.of(Settings.defaults(), HostTraits.LOOPBACK));
        for (String commit : List.of("a1", "b2", "c3")) {
            history.append(key, new HistoryEntry("2026-12-06T23:00:00Z", commit, 1_200, 300, 700, true));
        }

        EngineExecutionResults results = TestKit.run(Regressed.class, allureResults,
                Map.of(BenchmarkProperties.HISTORY, history.root().toString()));

        results.testEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(message(
                "[mysticeti · n=4 · 1000 tx/s] regression: throughput 900 tx/s is 25% below the baseline of "
                        + "1200 tx/s (median of the last 3 runs, commits a1..c3; limit 15%)"))));
        assertThat(history.entries(key)).hasSize(4).last()
                .satisfies(run -> assertThat(run.passed()).isFalse())
                .satisfies(run -> assertThat(run.tps()).isEqualTo(900));
    }

    @Test
    void provisionsOneTestbedForAllInvocationsAndDestroysItAfterTheClass() {
        EngineExecutionResults results = TestKit.run(FourInvocationsAndAParameterizedTest.class, allureResults,
                Map.of());

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(RecordingTestbedFactory.EVENTS).startsWith("deploy 4").endsWith("destroy", "close")
                .filteredOn(e -> e.startsWith("deploy")).hasSize(1);
        assertThat(RecordingTestbedFactory.EVENTS).filteredOn(e -> e.startsWith("run ")).hasSize(6);
    }

    @Test
    void namesOneInvocationPerConsensusAndLoad() {
        EngineExecutionResults results = TestKit.run(FourInvocationsAndAParameterizedTest.class, allureResults,
                Map.of());

        assertThat(results.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .contains("mysticeti · n=4 · 100 tx/s", "mysticeti · n=4 · 200 tx/s", "starfish · n=4 · 100 tx/s",
                        "starfish · n=4 · 200 tx/s");
        assertThat(RecordingTestbedFactory.RUNS).extracting(BenchmarkParameters::displayName)
                .contains("mysticeti · n=4 · 50 tx/s · chain-bomb x1", "starfish · n=4 · 50 tx/s · equivocating-chains-bomb x1");
    }

    @Test
    void capsEveryDurationWithTheBenchmarkDurationProperty() {
        TestKit.run(FourInvocationsAndAParameterizedTest.class, allureResults, Map.of("benchmark.duration", "10s"));

        // 30s runs are capped to 10s; the 5s runs are shorter than the cap and keep their duration
        assertThat(RecordingTestbedFactory.RUNS).extracting(BenchmarkParameters::duration)
                .containsOnly(Duration.ofSeconds(10), Duration.ofSeconds(5))
                .filteredOn(Duration.ofSeconds(10)::equals).hasSize(4);
    }

    @TestKitOnly
    @GeoBenchmark
    static class FailingScenario {
        @BenchmarkTest(loads = 100, duration = "5s")
        void fails(BenchmarkResult result) {
            throw new AssertionError("scenario assertion failed");
        }
    }

    @Test
    void destroysTheTestbedAfterAFailingTest() {
        EngineExecutionResults results = TestKit.run(FailingScenario.class, allureResults, Map.of());

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(RecordingTestbedFactory.EVENTS).containsExactly("deploy 4", "run mysticeti · n=4 · 100 tx/s",
                "destroy", "close");
    }

    @TestKitOnly
    @GeoBenchmark(instances = 7)
    static class SevenInstances {
        @BenchmarkTest(loads = 100, duration = "5s")
        void runs() {
        }
    }

    @Test
    void destroysAHalfCreatedTestbedWhenProvisioningFails() {
        EngineExecutionResults results = TestKit.run(SevenInstances.class, RecordingTestbedFactory.FailingDeploy.class,
                allureResults, Map.of());

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(SevenInstances.class),
                finishedWithFailure(message("quota exceeded after creating some instances"))));
        assertThat(RecordingTestbedFactory.EVENTS).containsExactly("deploy 7", "destroy", "close");
    }

    @Test
    void keepsTheTestbedWhenAsked() {
        TestKit.run(SevenInstances.class, allureResults, Map.of("testbed.keep", "true"));

        assertThat(RecordingTestbedFactory.EVENTS).containsExactly("deploy 7", "run mysticeti · n=4 · 100 tx/s",
                "close");
    }

    @TestKitOnly
    @GeoBenchmark
    static class LargestCommittee {
        @BenchmarkTest(committee = {4, 10}, loads = 100, duration = "5s")
        void runs() {
        }
    }

    @Test
    void provisionsAsManyInstancesAsTheLargestCommittee() {
        TestKit.run(LargestCommittee.class, allureResults, Map.of());

        assertThat(RecordingTestbedFactory.EVENTS).startsWith("deploy 10");
    }

    @Test
    void provisionsTheMonitoringAndClientHostsTooOnARemoteTestbed(@TempDir Path settingsDir) throws Exception {
        Path settings = Files.writeString(settingsDir.resolve("netns.yml"), """
                cloud_provider: netns
                regions: [lab]
                dedicated_clients: 1
                """);

        TestKit.run(LargestCommittee.class, allureResults, Map.of("testbed.settings", settings.toString()));

        assertThat(RecordingTestbedFactory.EVENTS).startsWith("deploy 12");
    }

    @TestKitOnly
    static class WithoutGeoBenchmark {
        @BenchmarkTest(loads = 100, duration = "5s")
        void runs() {
        }
    }

    @Test
    void explainsAMissingGeoBenchmarkAnnotation() {
        EngineExecutionResults results = TestKit.run(WithoutGeoBenchmark.class, allureResults, Map.of());

        Event failure = results.testEvents().failed().stream().findFirst().orElseThrow();
        assertThat(failure.getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow()).hasMessageContaining("has no @GeoBenchmark");
    }

    @TestKitOnly
    @GeoBenchmark
    static class BadDuration {
        @BenchmarkTest(loads = 100, duration = "soon")
        void runs() {
        }
    }

    @Test
    void explainsABadAnnotationValue() {
        EngineExecutionResults results = TestKit.run(BadDuration.class, allureResults, Map.of());

        results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m ->
                m.contains("@BenchmarkTest on BadDuration.runs") && m.contains("'soon' is not a duration"))));
    }
}
