package starfish.orchestrator.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * One endpoint Prometheus scrapes, in a job of its own so that dashboards can tell validators and hosts apart by
 * the `job` label. `role` becomes a label too (`validator` or `node`), so queries can select a kind of target.
 */
public record ScrapeTarget(String job, String role, String host, int port) {

    public static final String VALIDATOR = "validator";
    public static final String NODE = "node";

    public ScrapeTarget {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(host, "host");
        if (job.isBlank() || host.isBlank()) {
            throw new IllegalArgumentException("a scrape target needs a job name and a host, got job='" + job
                    + "' host='" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("scrape target " + job + " has port " + port + ", not in 1..65535");
        }
    }

    /**
     * The validators' metrics endpoints: authority i runs on hosts[i] and serves metrics on metricsPort(i) (for our
     * validator, base port + committee size + i; the Protocol knows).
     */
    public static List<ScrapeTarget> validators(List<String> hosts, IntUnaryOperator metricsPort) {
        List<ScrapeTarget> targets = new ArrayList<>(hosts.size());
        for (int authority = 0; authority < hosts.size(); authority++) {
            targets.add(new ScrapeTarget("validator-" + authority, VALIDATOR, hosts.get(authority),
                    metricsPort.applyAsInt(authority)));
        }
        return List.copyOf(targets);
    }

    /** A host's node_exporter, its job named after the host it describes. */
    public static ScrapeTarget nodeExporter(String instanceId, String host, int port) {
        return new ScrapeTarget("node-" + instanceId, NODE, host, port);
    }

    /** host:port, with IPv6 literals bracketed as Prometheus expects. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
