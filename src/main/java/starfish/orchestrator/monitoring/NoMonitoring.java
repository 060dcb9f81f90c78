package starfish.orchestrator.monitoring;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** What a run gets when Prometheus is not available: nothing to browse, nothing to stop. */
public record NoMonitoring() implements MonitoringHandle {

    @Override
    public Optional<URI> prometheusUrl() {
        return Optional.empty();
    }

    @Override
    public Optional<URI> grafanaUrl() {
        return Optional.empty();
    }

    @Override
    public void scrape(List<ScrapeTarget> validatorTargets) {
    }

    @Override
    public void close() {
    }
}
