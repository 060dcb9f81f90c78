package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.benchmark.BenchmarkListener;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.benchmark.Orchestrator;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.netns.NetnsTestbed;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.host.Instance;

/**
 * Monitoring over SSH on two netns hosts: node_exporter on both, Prometheus on the first, a one-validator benchmark
 * run on the second (a committee needs committee + 1 hosts); Prometheus reports every target up.
 */
class NetnsMonitoringIT {
    private static final RunOptions UPLOAD_LOCAL_BUILD = new RunOptions(false, false, false, true);
    /**
     * Long enough for Prometheus, restarted over SSH with the validator's target when the run boots it, to scrape
     * the validator while it runs even on a loaded machine (4 s was not: CI saw the validator's `up` stay 0).
     */
    private static final Duration RUN = Duration.ofSeconds(15);

    @Test
    @Timeout(300)
    void prometheusOnTheMonitoringHostReportsEveryTargetUp(@TempDir Path dir) throws Exception {
        assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/sbin/sshd")),
                "the netns testbed needs root and openssh-server");
        assumeTrue(Files.isRegularFile(Path.of("target", "starfish.jar")), "needs target/starfish.jar (mvn verify)");
        assumeTrue(MonitoringComponent.PROMETHEUS.findLocally().isPresent()
                && MonitoringComponent.NODE_EXPORTER.findLocally().isPresent(),
                "netns hosts share this machine's packages: needs prometheus and prometheus-node-exporter");
        Settings settings = settings(dir);
        StringBuilder printed = new StringBuilder();
        NetnsTestbed testbed = new NetnsTestbed(settings, dir.resolve("state"));
        try {
            testbed.destroy();
            List<Instance> hosts = testbed.deploy(2, Optional.empty());
            try (MonitoringHandle monitoring = Monitoring.start(settings, testbed, UPLOAD_LOCAL_BUILD.useInternalIpAddresses(),
                    line -> printed.append(line).append('\n'))) {
                new Orchestrator(settings, testbed, UPLOAD_LOCAL_BUILD, new BenchmarkListener() { })
                        .monitoredBy(monitoring)
                        .run(BenchmarkParameters.builder().committee(1).load(200).duration(RUN)
                                .build());

                PrometheusApi prometheus = new PrometheusApi(monitoring.prometheusUrl().orElseThrow());
                assertThat(monitoring.prometheusUrl().orElseThrow().getHost()).isEqualTo(hosts.get(0).publicIp());
                List<String> jobs = List.of("validator-0", "node-" + hosts.get(0).id(), "node-" + hosts.get(1).id());
                Map<String, Double> everyJobUp = jobs.stream().collect(Collectors.toMap(job -> job, job -> 1.0));
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(prometheus.activeJobs()).containsExactlyInAnyOrderElementsOf(jobs);
                    assertThat(upDuringTheLastMinutes(prometheus)).isEqualTo(everyJobUp);
                    assertThat(scrapeUrl(prometheus, "validator-0")).startsWith("http://" + hosts.get(1).publicIp()
                            + ":");
                });
                assertThat(printed).contains("Prometheus: " + monitoring.prometheusUrl().orElseThrow());
            }

            // Monitoring has stopped with its session; its data stays on the host, and is collected over SSH.
            CollectedMonitoring collected = Monitoring.collect(settings, testbed,
                    new MonitoringCollector(dir.resolve("results"), Clock.systemUTC(), line -> printed.append(line)
                            .append('\n')));
            assertThat(collected.directory().getParent()).isEqualTo(dir.resolve("results/monitoring/it-monitor"));
            assertThat(collected.span()).as("the snapshot holds the run's samples").isPresent();
            assertThat(printed).contains("Taking a snapshot of Prometheus on " + hosts.get(0).id());
        } finally {
            testbed.destroy();
            testbed.close();
        }
    }

    private static String scrapeUrl(PrometheusApi prometheus, String job) throws Exception {
        for (JsonNode target : prometheus.activeTargets()) {
            if (target.at("/labels/job").asText().equals(job)) {
                return target.at("/scrapeUrl").asText();
            }
        }
        throw new AssertionError("Prometheus has no target of job " + job);
    }

    /** max_over_time(up[10m]) per job: 1 when the target answered at some scrape (the validator ran for RUN). */
    private static Map<String, Double> upDuringTheLastMinutes(PrometheusApi prometheus) throws Exception {
        Map<String, Double> up = new TreeMap<>();
        for (JsonNode series : prometheus.query("max_over_time(up[10m])").at("/data/result")) {
            up.put(series.at("/metric/job").asText(), series.at("/value/1").asDouble());
        }
        return up;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Settings settings(Path dir) {
        String yaml = String.join("\n",
                "testbed_id: it-monitor",
                "cloud_provider: netns",
                "regions: [lab]",
                "working_dir: starfish",
                "results_dir: " + dir.resolve("results"),
                "logs_dir: " + dir.resolve("logs"),
                "scrape_interval: 1s",
                "ssh_timeout: 10s",
                "");
        return new SettingsLoader(Map.<String, String>of()::get).parse(yaml, "netns-monitoring-it.yml");
    }
}
