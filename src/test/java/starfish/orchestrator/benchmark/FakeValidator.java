package starfish.orchestrator.benchmark;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.FileWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in validator process for flow tests: serves the contract's metrics over real HTTP, commits `load` tx/s
 * after a 1 s ramp-up (a Byzantine one claims ten times more), and appends a committed.log every honest copy agrees
 * on. Arguments: metrics port offset (added to the base port in genesis.txt), load, storage directory,
 * "honest" or a strategy name, and a test-only fault: "none", "diverge-from-N" (from committed index N its
 * digests differ from every other copy's) or "no-log" (it writes no committed.log).
 */
public final class FakeValidator {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(Files.readString(Path.of("genesis.txt")).strip()) + Integer.parseInt(args[0]);
        int load = Integer.parseInt(args[1]);
        Path storage = Files.createDirectories(Path.of(args[2]));
        boolean byzantine = !args[3].equals("honest");
        String fault = args[4];
        long divergeFrom = fault.startsWith("diverge-from-") ? Long.parseLong(fault.substring(13)) : Long.MAX_VALUE;
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter sequenced = Counter.builder().name("sequenced_transactions_total").register(registry);
        Counter bytesSent = Counter.builder().name("bytes_sent_total").register(registry);
        Gauge sequenceLength = Gauge.builder().name("committed_sequence_length").register(registry);
        Histogram latency = Histogram.builder().name("transaction_committed_latency").classicOnly()
                .classicUpperBounds(0.1, 0.2, 0.3, 0.5, 1.0).register(registry);
        HTTPServer.builder().inetAddress(InetAddress.getLoopbackAddress()).port(port).registry(registry)
                .buildAndStart();
        System.out.println("fake validator serving metrics on " + port);
        Path log = storage.resolve(fault.equals("no-log") ? "not-committed.log" : "committed.log");
        int alreadyCommitted = Files.exists(log) ? Files.readAllLines(log).size() : 0; // a restart continues the log
        Writer committed = new FileWriter(log.toFile(), true);
        long start = System.nanoTime();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        int[] index = {alreadyCommitted};
        ticks.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1)) {
                return;
            }
            double batch = load / 10.0 * (byzantine ? 10 : 1);
            sequenced.inc(batch);
            bytesSent.inc(batch * 512 * 3);
            for (int i = 0; i < Math.round(batch); i++) {
                latency.observe(0.25);
            }
            sequenceLength.inc();
            try {
                int k = index[0]++;
                String digest = (k >= divergeFrom ? "ee" : "dd") + k;
                committed.write(k + " " + k + " " + (k % 4) + " aa" + k + " " + digest + " " + Math.round(batch) + "\n");
                committed.flush();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
    }
}
