package starfish.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.Main;

/** The packaged jar as the orchestrator uses it: genesis, then `node run` processes serving /metrics over HTTP. */
class NodeRunIT {

    private static final Path JAR = Path.of("target", "starfish.jar");
    private static final List<String> METRIC_NAMES = List.of("sequenced_transactions_total",
            "transaction_committed_latency_bucket", "block_committed_latency_bucket", "committed_leaders_total",
            "leader_timeout_total", "bytes_sent_total", "bytes_received_total", "benchmark_duration",
            "proposed_block_size_bytes", "committed_sequence_length", "committed_sequence_digest_info",
            "jvm_memory_used_bytes");

    @TempDir
    Path directory;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void runsACommitteeOfProcessesThatServeTheMetricsTheOrchestratorScrapes() throws Exception {
        int basePort = ValidatorProcesses.freeBasePort(4);
        assertThat(Main.commandLine().execute("node", "genesis", "--ips", "127.0.0.1", "127.0.0.1", "127.0.0.1",
                "127.0.0.1", "--working-directory", directory.toString(), "--base-port", Integer.toString(basePort)))
                .isZero();
        for (int i = 0; i < 4; i++) {
            processes.add(new ProcessBuilder(ValidatorProcesses.javaBinary(), "-Xmx512m", "-jar", JAR.toString(), "node", "run",
                    "--authority", Integer.toString(i),
                    "--committee-path", directory.resolve("committee.json").toString(),
                    "--public-config-path", directory.resolve("public-config.json").toString(),
                    "--private-config-path", directory.resolve("private-config-" + i + ".json").toString(),
                    "--consensus", "mysticeti", "--load", "100",
                    "--storage-path", directory.resolve("storage-" + i).toString())
                    .redirectErrorStream(true).redirectOutput(directory.resolve("node-" + i + ".log").toFile())
                    .start());
        }
        HttpClient http = HttpClient.newHttpClient();
        URI metrics = URI.create("http://127.0.0.1:" + (basePort + 4) + "/metrics");

        await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                value(scrape(http, metrics), "committed_sequence_length") >= 10
                        && value(scrape(http, metrics), "sequenced_transactions_total") > 0);

        String body = scrape(http, metrics);
        for (String name : METRIC_NAMES) {
            assertThat(body).as("metric %s", name).containsPattern("(?m)^" + name + "[{ ]");
        }
        assertThat(body).contains("commit_type=\"direct-commit\"");
        assertThat(body).contains("le=\"0.001039\"");

        Process first = processes.get(0);
        first.destroy(); // SIGTERM: a clean shutdown that flushes committed.log
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readAllLines(directory.resolve("storage-0/committed.log")))
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(line -> assertThat(line).matches("\\d+ \\d+ \\d \\p{XDigit}{64} \\p{XDigit}{64} \\d+"));
    }

    @Test
    void refusesAnUnknownProtocolWithTheNamesItKnows() throws Exception {
        Main.commandLine().execute("node", "genesis", "--ips", "127.0.0.1", "--working-directory",
                directory.toString(), "--base-port", Integer.toString(ValidatorProcesses.freeBasePort(1)));
        Process process = new ProcessBuilder(ValidatorProcesses.javaBinary(), "-Xmx256m", "-jar", JAR.toString(), "node", "run",
                "--authority", "0", "--committee-path", directory.resolve("committee.json").toString(),
                "--public-config-path", directory.resolve("public-config.json").toString(),
                "--private-config-path", directory.resolve("private-config-0.json").toString(),
                "--consensus", "paxos").redirectErrorStream(true).start();
        processes.add(process);
        // wait before reading: a node that wrongly starts must fail this test, not hang it
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown consensus protocol 'paxos'")
                .contains("mysticeti, starfish, starfish-pull, cordial-miners");
    }

    private static String scrape(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String body, String name) {
        return body.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1).trim())).findFirst().orElse(0);
    }
}
