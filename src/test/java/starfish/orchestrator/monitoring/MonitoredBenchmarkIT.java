package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import starfish.Main;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.Orchestrator;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.testbed.LocalTestbed;
import starfish.protocol.Consensus;

/** The hooks: a benchmark on the local testbed, with monitoring, leaves its validator's series in Prometheus. */
class MonitoredBenchmarkIT {
    @TempDir
    Path dir;

    @BeforeEach
    void needsPrometheus() {
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent(),
                MonitoringComponent.PROMETHEUS.missingMessage());
    }

    @Test
    void prometheusHoldsTheRunsThroughputAfterTheRun() throws Exception {
        Settings settings = new SettingsLoader().load(settingsFile(true));
        StringBuilder printed = new StringBuilder();
        try (LocalTestbed testbed = new LocalTestbed(settings);
             MonitoringHandle monitoring = Monitoring.start(settings, testbed, false,
                     line -> printed.append(line).append('\n'))) {
            testbed.deploy(1, Optional.empty());
            new Orchestrator(settings, testbed, RunOptions.defaults(), new BenchmarkListener() { })
                    .monitoredBy(monitoring)
                    .run(BenchmarkParameters.builder().consensus(Consensus.MYSTICETI).committee(1).load(200)
                            .duration(Duration.ofSeconds(5)).build());

            PrometheusApi prometheus = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
            String transactions = prometheus.query(
                    "max_over_time(sequenced_transactions_total{job=\"validator-0\"}[10m])")
                    .at("/data/result/0/value/1").asText("0");
            assertThat(Double.parseDouble(transactions)).isPositive();
            assertThat(printed).contains("Prometheus: " + monitoring.prometheusUrl().orElseThrow());
            testbed.destroy();
        }
    }

    @Test
    void benchmarkCommandsMonitoringFlagTurnsMonitoringOnOverTheSettings() throws Exception {
        Path monitoringOff = settingsFile(false);
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(out, true));

        int exit = cli.execute("benchmark", "--settings-path", monitoringOff.toString(), "--committee", "1",
                "--loads", "200", "--duration", "3s", "--monitoring");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).containsPattern("Prometheus: http://127\\.0\\.0\\.1:\\d+");
    }

    private Path settingsFile(boolean monitoring) throws IOException {
        return Files.writeString(dir.resolve("settings.yml"), String.join("\n",
                "testbed_id: monitored",
                "cloud_provider: local",
                "working_dir: " + dir.resolve("testbed"),
                "results_dir: " + dir.resolve("results"),
                "logs_dir: " + dir.resolve("logs"),
                "scrape_interval: 1s",
                "monitoring: " + monitoring,
                ""));
    }
}
