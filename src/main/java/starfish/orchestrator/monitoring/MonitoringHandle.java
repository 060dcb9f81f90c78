package starfish.orchestrator.monitoring;

import java.net.URI;
import java.util.Optional;

/** Monitoring that runs for as long as this handle is open; closing stops every service it started. */
public sealed interface MonitoringHandle extends AutoCloseable permits LocalMonitoring, RemoteMonitoring, NoMonitoring {

    Optional<URI> prometheusUrl();

    Optional<URI> grafanaUrl();

    /** Where a user looks first: Grafana when it runs, else Prometheus. */
    default Optional<URI> url() {
        return grafanaUrl().or(this::prometheusUrl);
    }

    @Override
    void close();
}
