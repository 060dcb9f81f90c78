package starfish.orchestrator.prometheus;

/** Reads a metrics page as an exporter serves it (the Prometheus text format, UTF-8). */
public interface MetricsPageParser {

    PrometheusText parse(byte[] page);
}
