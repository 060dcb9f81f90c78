package starfish.orchestrator.settings;

import java.util.Optional;

/**
 * An existing Prometheus/Grafana host (`monitoring_server: [user@]host`) that monitors the testbed instead of one of
 * its own instances; reached over SSH with ssh_private_key_file, as the user given or the testbed's own.
 */
public record MonitoringServer(Optional<String> user, String host) {

    /** `root@monitor.example.com` or `10.0.1.50`; empty when the text has no host. */
    public static Optional<MonitoringServer> parse(String text) {
        String trimmed = text.strip();
        int at = trimmed.lastIndexOf('@');
        String host = trimmed.substring(at + 1);
        if (host.isEmpty() || host.contains(" ") || at == 0) {
            return Optional.empty();
        }
        return Optional.of(new MonitoringServer(at < 0 ? Optional.empty() : Optional.of(trimmed.substring(0, at)), host));
    }

    @Override
    public String toString() {
        return user.map(u -> u + "@").orElse("") + host;
    }
}
