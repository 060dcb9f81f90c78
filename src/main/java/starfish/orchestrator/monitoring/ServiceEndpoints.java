package starfish.orchestrator.monitoring;

/** Where the monitoring services listen on a remote testbed's hosts. */
public record ServiceEndpoints(String bindAddress, int prometheusPort, int grafanaPort, int nodeExporterPort) {

    /**
     * All interfaces (users browse Prometheus and Grafana on the monitoring host's public address) and the services'
     * customary ports; remote hosts are ours alone, and the packaged services that would hold them are disabled.
     */
    public static ServiceEndpoints standard() {
        return new ServiceEndpoints("0.0.0.0", 9090, 3000, 9100);
    }

    /** How a service on the same host reaches `port` (Grafana reaching Prometheus). */
    String sameHostUrl(int port) {
        return "http://" + ("0.0.0.0".equals(bindAddress) ? "127.0.0.1:" + port : listen(port));
    }

    String listen(int port) {
        return (bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress) + ":" + port;
    }
}
