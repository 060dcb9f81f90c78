package starfish.orchestrator.monitoring;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Monitoring that runs for as long as this handle is open, typically one testbed session (a CLI invocation, a
 * benchmark class); each benchmark run points it at its validators with {@link #scrape}. Closing stops every
 * service it started.
 */
public sealed interface MonitoringHandle extends AutoCloseable permits LocalMonitoring, RemoteMonitoring, NoMonitoring {

    Optional<URI> prometheusUrl();

    Optional<URI> grafanaUrl();

    /** Where a user looks first: Grafana when it runs, else Prometheus. */
    default Optional<URI> url() {
        return grafanaUrl().or(this::prometheusUrl);
    }

    /**
     * Makes Prometheus scrape these validators from now on, in place of the previous run's (the hosts' node_exporters
     * stay). Prometheus restarts with the new configuration; its stored data and URL remain. Monitoring serves the
     * benchmark and must not end it: a failure here is logged, not thrown.
     */
    void scrape(List<ScrapeTarget> validatorTargets);

    @Override
    void close();
}
