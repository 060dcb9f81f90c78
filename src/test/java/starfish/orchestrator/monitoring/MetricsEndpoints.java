package starfish.orchestrator.monitoring;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Real HTTP servers on free ports of 127.0.0.1 exposing a validator-like counter, standing in for validators. */
final class MetricsEndpoints implements AutoCloseable {
    private final List<HTTPServer> servers = new ArrayList<>();

    MetricsEndpoints(int count) throws IOException {
        for (int authority = 0; authority < count; authority++) {
            PrometheusRegistry registry = new PrometheusRegistry();
            Counter.builder().name("sequenced_transactions_total").help("transactions sequenced").register(registry)
                    .inc(100 * (authority + 1));
            servers.add(HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).buildAndStart());
        }
    }

    /** Validator targets for these endpoints, authority i on the i-th server. */
    List<ScrapeTarget> targets() {
        return ScrapeTarget.validators(servers.stream().map(server -> "127.0.0.1").toList(),
                authority -> servers.get(authority).getPort());
    }

    @Override
    public void close() {
        servers.forEach(HTTPServer::close);
    }
}
