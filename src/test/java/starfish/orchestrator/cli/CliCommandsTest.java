package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import starfish.Main;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.measurement.HistogramSnapshot;
import starfish.orchestrator.measurement.MeasurementsCollection;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsRenderer;
import starfish.protocol.ValidatorMetric;

/** The CLI commands in process, on the local testbed and saved files. */
class CliCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void badSettingsExitNonZeroWithOneLineAndNoStackTrace() throws Exception {
        Path settings = Files.writeString(dir.resolve("bad.yml"), "testbed_id: x\nscrape_every: 5s\n");

        int exit = run("benchmark", "--settings-path", settings.toString(), "--duration", "1s");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: " + settings + " line 2: unknown field 'scrape_every'")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void localTestbedDeployStatusAndDestroy() throws Exception {
        Path settings = Files.writeString(dir.resolve("s.yml"), "working_dir: " + dir.resolve("hosts") + "\n");

        assertThat(run("testbed", "deploy", "--instances", "2", "--settings-path", settings.toString())).isZero();
        assertThat(run("testbed", "status", "--settings-path", settings.toString())).isZero();
        assertThat(out.toString()).contains("PUBLIC IP").contains("local-0").contains("local-1")
                .contains("127.0.0.1").contains("active");
        assertThat(dir.resolve("hosts/local-1")).isDirectory();

        assertThat(run("testbed", "destroy", "--settings-path", settings.toString())).isZero();
        assertThat(dir.resolve("hosts")).doesNotExist();
    }

    @Test
    void deployForACommitteeWithSparesStartsStoppedHostsFirstAndStatusNamesEachHostsRole() throws Exception {
        Path settings = Files.writeString(dir.resolve("s.yml"), "working_dir: " + dir.resolve("hosts") + "\n");
        String path = settings.toString();
        assertThat(run("testbed", "deploy", "--instances", "2", "--settings-path", path)).isZero();
        assertThat(run("testbed", "stop", "--settings-path", path)).isZero();
        out.getBuffer().setLength(0);

        assertThat(run("testbed", "deploy", "--committee", "3", "--spare-instances", "1", "--settings-path", path))
                .isZero();

        assertThat(out.toString().lines().filter(line -> !line.isBlank()).toList()).containsExactly(
                "local testbed 'local': 0 active instance(s), the runs need 4 (committee 3 + 1 spare)",
                "starting 2 stopped instance(s) (at most 2 per region) ...",
                "2 instance(s) active",
                "deploying 2 new instance(s) per region in local ...",
                "4 instance(s) active",
                "local (4 instances)",
                "  INSTANCE  PUBLIC IP  INTERNAL IP  STATE   ROLE",
                "  local-0   127.0.0.1  127.0.0.1    active  validator 0",
                "  local-1   127.0.0.1  127.0.0.1    active  validator 1",
                "  local-2   127.0.0.1  127.0.0.1    active  validator 2",
                "  local-3   127.0.0.1  127.0.0.1    active  spare",
                "4 active instances: committee 3, 1 spare");

        out.getBuffer().setLength(0);
        assertThat(run("testbed", "status", "--committee", "5", "--settings-path", path)).isZero();
        assertThat(out.toString()).contains("local-3   127.0.0.1  127.0.0.1    active  validator 3")
                .contains("4 active instances, 1 short of the 5 a committee of 5 needs; a benchmark starts or"
                        + " deploys them");
        assertThat(run("testbed", "destroy", "--settings-path", path)).isZero();
    }

    @Test
    void deployTakesEitherAPerRegionCountOrACommittee() throws Exception {
        Path settings = Files.writeString(dir.resolve("s.yml"), "working_dir: " + dir.resolve("hosts") + "\n");

        assertThat(run("testbed", "deploy", "--settings-path", settings.toString())).isNotZero();
        assertThat(run("testbed", "deploy", "--instances", "2", "--spare-instances", "1", "--settings-path",
                settings.toString())).isNotZero();

        assertThat(err.toString()).contains("give --instances (per region) or --committee (in all), not neither")
                .contains("--spare-instances goes with --committee");
        assertThat(dir.resolve("hosts")).doesNotExist();
    }

    @Test
    void simulatedTestbedCommandsSayThereAreNoInstancesAndSucceed() throws Exception {
        Path settings = Files.writeString(dir.resolve("simulated.yml"), "cloud_provider: simulated\n");

        assertThat(run("testbed", "deploy", "--instances", "2", "--settings-path", settings.toString())).isZero();
        assertThat(run("testbed", "status", "--settings-path", settings.toString())).isZero();
        assertThat(run("testbed", "destroy", "--settings-path", settings.toString())).isZero();

        assertThat(out.toString().lines()).hasSize(3).allMatch(line -> line.contains("The simulated testbed has no "
                + "instances: each benchmark runs its whole committee inside the benchmark's own JVM"));
        assertThat(out.toString()).contains("Nothing to deploy.").contains("Nothing to list.")
                .contains("Nothing to destroy.").doesNotContain("no instances\n").doesNotContain("testbed destroyed");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void summarizePrintsTheTableOfASavedFile() {
        BenchmarkParameters parameters = BenchmarkParameters.builder().load(500).duration(Duration.ofSeconds(30))
                .build();
        MeasurementsCollection collection = new MeasurementsCollection(parameters,
                SettingsRenderer.toMap(Settings.defaults()), List.of(), 512);
        HistogramSnapshot none = new HistogramSnapshot(List.of(new HistogramSnapshot.Bucket(Double.POSITIVE_INFINITY,
                0)), 0, 0);
        for (int authority = 0; authority < 4; authority++) {
            collection.add(authority, new ValidatorScrape(10, Map.of(ValidatorMetric.SEQUENCED_TRANSACTIONS.exposedName(), 100.0),
                    Map.of(ValidatorMetric.TRANSACTION_LATENCY.exposedName(), none)));
            collection.add(authority, new ValidatorScrape(20, Map.of(ValidatorMetric.SEQUENCED_TRANSACTIONS.exposedName(), 5_100.0),
                    Map.of(ValidatorMetric.TRANSACTION_LATENCY.exposedName(), none)));
        }
        Path file = dir.resolve("m.json");
        collection.save(file);

        assertThat(run("summarize", "--path", file.toString())).isZero();

        assertThat(out.toString()).contains("mysticeti · n=4 · 500 tx/s").containsPattern("throughput\\s+500.0 tx/s")
                .containsPattern("safety\\s+ok").contains(file.toAbsolutePath().toString());
    }

    @Test
    void summarizeOfAMissingFileIsAClearError() {
        assertThat(run("summarize", "--path", dir.resolve("none.json").toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: cannot read measurements file");
    }
}
