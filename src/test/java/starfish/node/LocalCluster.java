package starfish.node;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import starfish.node.config.Authority;
import starfish.node.config.ClientParameters;
import starfish.node.config.Committee;
import starfish.node.config.NodeParameters;
import starfish.node.crypto.SigningKey;
import starfish.node.core.Validator;
import starfish.node.core.ValidatorConfig;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.testbed.HostTraits;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** Validators of one committee in this JVM on loopback, on free ports, each with its own metrics registry. */
public final class LocalCluster implements AutoCloseable {

    public final Committee committee;
    public final List<SigningKey> keys = new ArrayList<>();
    public final List<PrometheusRegistry> registries = new ArrayList<>();
    private final java.util.Map<Integer, Validator> validators = new java.util.TreeMap<>();
    private final Path directory;
    private NodeParameters parameters = NodeParameters.DEFAULTS;
    private Consensus consensus = Consensus.MYSTICETI;
    private final java.util.Map<Integer, ByzantineStrategy> behaviours = new java.util.HashMap<>();
    private boolean mimicExtraLatency;

    public LocalCluster(int size, Path directory) {
        this.directory = directory;
        List<Authority> authorities = new ArrayList<>();
        int basePort = PortAllocator.basePort(HostTraits.LOOPBACK, size);
        for (int i = 0; i < size; i++) {
            SigningKey key = TestKeys.of(i);
            keys.add(key);
            registries.add(new PrometheusRegistry());
            authorities.add(new Authority(i, 1, key.publicKey(), "127.0.0.1", basePort + i, 0));
        }
        committee = new Committee(authorities);
    }

    /** The default parameters without the startup wait: for committees whose missing validator never comes. */
    public static NodeParameters withoutStartupWait() {
        NodeParameters d = NodeParameters.DEFAULTS;
        return withoutStartupWait(d.gcDepthRounds(), d.walSegmentBytes());
    }

    /** As {@link #withoutStartupWait()}, with the given history depth and write-ahead log segment size. */
    public static NodeParameters withoutStartupWait(int gcDepthRounds, long walSegmentBytes) {
        NodeParameters d = NodeParameters.DEFAULTS;
        return new NodeParameters(d.leaderTimeoutMs(), d.maxBlockTransactions(), d.maxFrameBytes(), gcDepthRounds,
                d.syncRetryMs(), d.maxPendingTransactions(), 0, d.minRoundIntervalMs(), d.idleRoundIntervalMs(),
                walSegmentBytes);
    }

    /** Uses these parameters for the validators started from now on. */
    public LocalCluster withParameters(NodeParameters value) {
        this.parameters = value;
        return this;
    }

    /** Runs this protocol on the validators started from now on. */
    public LocalCluster withConsensus(Consensus value) {
        this.consensus = value;
        return this;
    }

    /** The validators started from now on delay their messages like a ten-region deployment. */
    public LocalCluster withMimickedLatency() {
        this.mimicExtraLatency = true;
        return this;
    }

    /** Authority `authority` runs `strategy` when it starts. */
    public LocalCluster withBehaviour(int authority, ByzantineStrategy strategy) {
        behaviours.put(authority, strategy);
        return this;
    }

    /** Starts the given authorities (the others stay down), each generating `load` tx/s. */
    public LocalCluster start(double load, int... authorities) throws IOException {
        for (int i : authorities) {
            validators.put(i, Validator.start(new ValidatorConfig(committee, i, keys.get(i), parameters,
                    ClientParameters.DEFAULTS, consensus, behaviours.getOrDefault(i, ByzantineStrategy.HONEST),
                    load, mimicExtraLatency,
                    storage(i), InetAddress.getLoopbackAddress(), registries.get(i))));
        }
        return this;
    }

    /** Stops one validator as a crash would, keeping its storage; it can be started again with a fresh registry. */
    public void stop(int authority) throws IOException {
        Validator validator = validators.remove(authority);
        if (validator != null) {
            validator.close();
        }
        registries.set(authority, new PrometheusRegistry());
    }

    public Path storage(int authority) {
        return directory.resolve("storage-" + authority);
    }

    public List<String> committedLog(int authority) {
        try {
            return Files.readAllLines(storage(authority).resolve("committed.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a metric (counter names without `_total`), summed over data points matching the labels. */
    public double metric(int authority, String name, String... labelPairs) {
        double sum = 0;
        for (MetricSnapshot snapshot : registries.get(authority).scrape()) {
            if (!snapshot.getMetadata().getName().equals(name)) {
                continue;
            }
            for (DataPointSnapshot point : snapshot.getDataPoints()) {
                boolean matches = true;
                for (int k = 0; k < labelPairs.length; k += 2) {
                    matches &= labelPairs[k + 1].equals(point.getLabels().get(labelPairs[k]));
                }
                if (matches) {
                    sum += point instanceof CounterSnapshot.CounterDataPointSnapshot c ? c.getValue()
                            : ((GaugeSnapshot.GaugeDataPointSnapshot) point).getValue();
                }
            }
        }
        return sum;
    }

    @Override
    public void close() throws IOException {
        for (Validator validator : validators.values()) {
            validator.close();
        }
    }
}
