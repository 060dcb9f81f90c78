package starfish.node.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A registry as the Prometheus text a /metrics endpoint serves, for validators scraped without HTTP. */
public final class MetricsText {

    private MetricsText() {
    }

    public static String of(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("writing Prometheus text to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
