package starfish.orchestrator.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** assets/grafana-dashboard.json, packaged into the jar so that every way of running finds it. */
public final class GrafanaDashboard {
    static final String RESOURCE = "/assets/grafana-dashboard.json";

    private GrafanaDashboard() {
    }

    public static String json() {
        try (InputStream in = GrafanaDashboard.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard " + RESOURCE + " is missing from the classpath;"
                        + " rebuild with `mvn package` (pom.xml copies assets/ into the jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
