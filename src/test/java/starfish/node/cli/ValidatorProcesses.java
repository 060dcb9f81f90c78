package starfish.node.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import starfish.Main;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.testbed.HostTraits;

/**
 * A committee of validator processes from the packaged jar, as the orchestrator runs them (genesis, then
 * `node run` per authority), that a test can kill with SIGKILL and restart on the same storage.
 */
final class ValidatorProcesses implements AutoCloseable {
    private static final Path JAR = Path.of("target", "starfish.jar");

    private final Path directory;
    private final int size;
    private final int basePort;
    private final Map<Integer, Process> running = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    ValidatorProcesses(Path directory, int size) {
        this.directory = directory;
        this.size = size;
        this.basePort = freeBasePort(size);
        List<String> arguments = new java.util.ArrayList<>(List.of("node", "genesis", "--ips"));
        for (int i = 0; i < size; i++) {
            arguments.add("127.0.0.1");
        }
        arguments.addAll(List.of("--working-directory", directory.toString(), "--base-port",
                Integer.toString(basePort)));
        if (Main.commandLine().execute(arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("genesis failed");
        }
    }

    /** Starts `authority` on its storage directory with `load` tx/s; its output goes to node-<authority>.log. */
    Process start(int authority, int load) throws IOException {
        Process process = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", JAR.toString(), "node", "run",
                "--authority", Integer.toString(authority),
                "--committee-path", directory.resolve("committee.json").toString(),
                "--public-config-path", directory.resolve("public-config.json").toString(),
                "--private-config-path", directory.resolve("private-config-" + authority + ".json").toString(),
                "--consensus", "mysticeti", "--load", Integer.toString(load),
                "--storage-path", storage(authority).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("node-" + authority + ".log")
                        .toFile()))
                .start();
        running.put(authority, process);
        return process;
    }

    /** SIGKILL: no shutdown hook runs, buffers not yet written are lost, as in a power cut of the process. */
    void kill(int authority) throws InterruptedException {
        Process process = running.remove(authority);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM to every running validator (their logs are flushed), then SIGKILL to any that lingers. */
    @Override
    public void close() throws InterruptedException {
        running.values().forEach(Process::destroy);
        for (Process process : running.values()) {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        running.clear();
    }

    Path storage(int authority) {
        return directory.resolve("storage-" + authority);
    }

    String output(int authority) throws IOException {
        return Files.readString(directory.resolve("node-" + authority + ".log"));
    }

    /** A sample of the validator's /metrics (0 when it does not answer), `series` like `name` or `name{a="b"}`. */
    double metric(int authority, String series) {
        URI uri = URI.create("http://127.0.0.1:" + (basePort + size + authority) + "/metrics");
        try {
            String body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(series + " "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim())).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A base port P such that P..P+2n-1 were free a moment ago, below the ephemeral range: genesis names them. */
    static int freeBasePort(int n) {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 2 * n);
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
