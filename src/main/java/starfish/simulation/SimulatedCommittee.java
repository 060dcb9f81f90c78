package starfish.simulation;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.node.config.Authority;
import starfish.node.config.Committee;
import starfish.node.core.Validator;
import starfish.node.core.ValidatorConfig;
import starfish.node.crypto.SigningKey;
import starfish.node.dag.BlockLog;
import starfish.node.metrics.MetricsText;

/**
 * A committee of real validators in this JVM on one event scheduler, in virtual time. Each validator has its own
 * metrics registry (scraped as Prometheus text, as over HTTP) and its own storage directory, where it writes its
 * committed.log and write-ahead log as on any host; a crash closes it, a restart starts it again on that storage.
 */
public final class SimulatedCommittee implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCommittee.class);

    /** A thread per this many validators: a smaller committee's windows hold too few events to share. */
    private static final int VALIDATORS_PER_THREAD = 16;

    private final SimulationSpec spec;
    private final Path directory;
    private final EventScheduler scheduler;
    private final Committee committee;
    private final List<SigningKey> keys = new ArrayList<>();
    private final SimulatedHost[] hosts;
    private final Validator[] validators;
    private final PrometheusRegistry[] registries;

    /** On as many threads as this machine has cores, one per sixteen validators at most. */
    public SimulatedCommittee(SimulationSpec spec, Path directory) {
        this(spec, directory, Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                spec.committee() / VALIDATORS_PER_THREAD)));
    }

    /** On `threads` threads: the run is the same on any number. */
    public SimulatedCommittee(SimulationSpec spec, Path directory, int threads) {
        this.spec = spec;
        this.directory = directory;
        int n = spec.committee();
        int[] lanes = spec.links().lanes(n);
        int laneCount = Arrays.stream(lanes).max().orElseThrow() + 1;
        long lookahead = spec.links().shortestOneWayNanos(lanes);
        scheduler = new EventScheduler(laneCount, lookahead, threads);
        LOG.info("simulating {} validators in {} lanes on {} thread(s), in windows of {} ms of virtual time", n,
                laneCount, threads, lookahead / 1e6);
        SplittableRandom seeds = new SplittableRandom(spec.seed());
        SimulatedNetwork network = new SimulatedNetwork(spec.links(), spec.uplinkMbps(), seeds.split(), n);
        List<Authority> authorities = new ArrayList<>();
        SharedSignatureCheck signatures = new SharedSignatureCheck();
        SharedVerdicts verdicts = new SharedVerdicts();
        SharedEncodings encodings = new SharedEncodings();
        hosts = new SimulatedHost[n];
        for (int i = 0; i < n; i++) {
            SigningKey key = SigningKey.derived(spec.seed(), i);
            keys.add(key);
            authorities.add(new Authority(i, 1, key.publicKey(), "simulated-" + i, 0, 0));
            hosts[i] = new SimulatedHost(i, scheduler.lane(lanes[i]), network, spec.costs(), signatures, verdicts,
                    encodings, seeds.nextLong());
        }
        committee = new Committee(authorities);
        validators = new Validator[n];
        registries = new PrometheusRegistry[n];
    }

    public int size() {
        return hosts.length;
    }

    /** Virtual time since the simulation began. */
    public Duration elapsed() {
        return Duration.ofNanos(scheduler.nowNanos());
    }

    /** Events run so far. */
    public long events() {
        return scheduler.executed();
    }

    /** Starts (or restarts) a validator with a fresh metrics registry, as a new process would have. */
    public void start(int authority) {
        if (validators[authority] != null) {
            throw new IllegalStateException("validator " + authority + " is already running");
        }
        registries[authority] = new PrometheusRegistry();
        ValidatorConfig config = new ValidatorConfig(committee, authority, keys.get(authority), spec.nodeParameters(),
                spec.clientParameters(), spec.consensus(), spec.strategyOf(authority),
                spec.totalLoad() / spec.committee(), false, storage(authority), InetAddress.getLoopbackAddress(),
                registries[authority]);
        hosts[authority].boot();
        try {
            validators[authority] = Validator.start(config, hosts[authority]);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated validator " + authority + " failed to start", e);
        }
    }

    public void startAll() {
        for (int i = 0; i < size(); i++) {
            start(i);
        }
    }

    /** Stops a validator as a crash would: its storage stays, what was in flight to it is lost. */
    public void crash(int authority) {
        Validator validator = validators[authority];
        if (validator == null) {
            return;
        }
        validators[authority] = null;
        hosts[authority].halt();
        try {
            validator.close();
        } catch (IOException e) {
            LOG.warn("simulated validator {} did not close cleanly: {}", authority, e.getMessage());
        }
    }

    public boolean isUp(int authority) {
        return validators[authority] != null;
    }

    /** Runs the committee until `virtualTime` since the start. */
    public void runUntil(Duration virtualTime) {
        scheduler.runUntil(virtualTime.toNanos());
    }

    /** The validator's metrics as Prometheus text, as its /metrics endpoint would serve them. */
    public String metricsText(int authority) {
        return MetricsText.of(registries[authority]);
    }

    public Path committedLog(int authority) {
        return storage(authority).resolve("committed.log");
    }

    /** The committed.log lines written so far (flushed: the observer flushes as it goes). */
    public List<String> committedLines(int authority) {
        Path file = committedLog(authority);
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path storage(int authority) {
        return directory.resolve("storage-" + authority);
    }

    /**
     * Stops every validator and deletes their write-ahead logs, which served restarts within the run only (a
     * committee of a hundred writes gigabytes of them); the committed logs stay.
     */
    @Override
    public void close() {
        for (int i = 0; i < size(); i++) {
            crash(i);
            try {
                BlockLog.delete(storage(i).resolve(Validator.BLOCK_LOG));
            } catch (IOException e) {
                LOG.warn("cannot delete simulated validator {}'s write-ahead log: {}", i, e.getMessage());
            }
        }
    }
}
