package starfish.orchestrator.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkOutcome;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.LogErrorCounts;
import starfish.orchestrator.benchmark.Orchestrator;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.measurement.Safety;
import starfish.orchestrator.measurement.Summary;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.host.Instance;

/**
 * The whole benchmark flow over SSH on 5 netns hosts (the monitoring host and 4 validators), once with the locally
 * built jar uploaded and once with the hosts cloning this repository at HEAD from a local git URL and building it
 * offline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetnsBenchmarkIT {
    private static final String TESTBED = "it-bench";
    private static final int LOAD = 200;
    private static final int COMMITTEE = 4;
    private static final Path LOCAL_BUILD = Path.of("target", "starfish.jar");

    private Path dir;
    private NetnsTestbed testbed;

    @BeforeAll
    void deploy() throws Exception {
        List<String> missing = NetnsRequirements.missing();
        assumeTrue(missing.isEmpty(), () -> "netns integration tests need " + missing);
        assumeTrue(Files.isRegularFile(LOCAL_BUILD), "needs target/starfish.jar (run through `mvn verify`)");
        dir = Files.createTempDirectory("netns-bench-it");
        testbed = new NetnsTestbed(settings(Optional.empty()), dir.resolve("state"));
        testbed.destroy();
        testbed.deploy(COMMITTEE + 1, Optional.empty());
    }

    @AfterAll
    void destroy() throws Exception {
        if (testbed != null) {
            Path stateDir = testbed.stateDir();
            testbed.destroy();
            testbed.close();
            assertThat(NetnsLeftovers.of(TESTBED, stateDir)).isEmpty();
        }
        if (dir != null) {
            HostCommands.run("rm", "-rf", dir.toString());
        }
    }

    @Test
    @Timeout(180)
    void benchmarksTheUploadedLocalBuild() throws Exception {
        BenchmarkOutcome outcome = run(settings(Optional.empty()), new RunOptions(false, false, false, true));

        assertHealthy(outcome);
    }

    @Test
    @Timeout(600)
    void benchmarksTheRepositoryClonedAtHead() throws Exception {
        Path bare = dir.resolve("starfish.git");
        HostCommands.run("git", "clone", "-q", "--bare", Path.of("").toAbsolutePath().toString(), bare.toString());
        String head = HostCommands.run("git", "rev-parse", "HEAD").strip();

        BenchmarkOutcome outcome = run(settings(Optional.of("repository:\n  url: " + bare + "\n  commit: " + head)),
                new RunOptions(false, false, true, false));

        assertHealthy(outcome);
        Instance validatorHost = testbed.instances().get(1); // instance 0 is the monitoring host
        String built = testbed.commandRunner().execute(validatorHost,
                "git -C starfish-src rev-parse HEAD && ls -l starfish.jar").stdout();
        assertThat(built).startsWith(head).contains("starfish.jar");
    }

    private BenchmarkOutcome run(Settings settings, RunOptions options) {
        BenchmarkParameters parameters = BenchmarkParameters.builder().committee(COMMITTEE).load(LOAD)
                .duration(Duration.ofSeconds(20)).build();
        return new Orchestrator(settings, testbed, options, new BenchmarkListener() { }).run(parameters);
    }

    private static void assertHealthy(BenchmarkOutcome outcome) throws Exception {
        Summary summary = outcome.summary();
        assertThat(summary.safety()).as(summary.safetyDetail()).isEqualTo(Safety.OK);
        assertThat(summary.live()).isTrue();
        assertThat(summary.tps()).isGreaterThan(0.5 * LOAD);
        try (Stream<Path> logs = Files.list(outcome.logsDir())) {
            assertThat(logs.map(path -> path.getFileName().toString())).contains("node-0.log", "node-3.log",
                    "committed-0.log", "committed-3.log");
        }
        assertThat(outcome.logsDir().resolve("committed-2.log")).isNotEmptyFile();
        assertThat(outcome.logErrors()).extracting(LogErrorCounts::authority).containsExactly(0, 1, 2, 3);
        assertThat(outcome.logErrors()).as("log_processing of a healthy run").noneMatch(LogErrorCounts::any);
    }

    private Settings settings(Optional<String> repository) {
        String yaml = String.join("\n",
                "testbed_id: " + TESTBED,
                "cloud_provider: netns",
                "regions: [lab]",
                "working_dir: starfish",
                "results_dir: " + dir.resolve("results"),
                "logs_dir: " + dir.resolve("logs"),
                "scrape_interval: 5s",
                "log_processing: true",
                "ssh_timeout: 10s",
                repository.orElse(""), "");
        return new SettingsLoader(Map.<String, String>of()::get).parse(yaml, "netns-it-settings.yml");
    }
}
