package starfish.orchestrator.monitoring;

/** The ports of the monitoring services on a remote testbed's hosts. */
public record MonitoringPorts(int prometheus, int grafana, int nodeExporter) {

    /** The services' customary ports; remote hosts are ours alone, so nothing else claims them. */
    public static MonitoringPorts standard() {
        return new MonitoringPorts(9090, 3000, 9100);
    }
}
