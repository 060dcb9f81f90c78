package starfish.orchestrator.monitoring;

/**
 * Shell commands that install a monitoring component on a cloud host from its distribution's packages (and
 * Grafana's own apt repository, which Debian and Ubuntu lack). The packaged services are disabled afterwards:
 * monitoring runs its own processes with its own configuration, and they need the ports.
 */
final class RemotePackages {
    private static final String SUDO = "S=$([ \"$(id -u)\" -eq 0 ] || echo sudo); ";
    private static final String GRAFANA_APT_SOURCE = "$S mkdir -p /etc/apt/keyrings"
            + " && wget -q -O - https://apt.grafana.com/gpg.key | gpg --dearmor"
            + " | $S tee /etc/apt/keyrings/grafana.gpg >/dev/null"
            + " && echo 'deb [signed-by=/etc/apt/keyrings/grafana.gpg] https://apt.grafana.com stable main'"
            + " | $S tee /etc/apt/sources.list.d/grafana.list >/dev/null; ";

    private RemotePackages() {
    }

    /** Installs `component` unless its binary is there; never fails, so a missing Grafana leaves the rest running. */
    static String install(MonitoringComponent component) {
        String addSource = component == MonitoringComponent.GRAFANA
                ? "apt-cache show grafana >/dev/null 2>&1 || { " + GRAFANA_APT_SOURCE + "}; "
                : "";
        return SUDO
                + "if [ -z \"$(" + component.locateCommand() + ")\" ]; then "
                + addSource
                + "$S apt-get update -q && $S env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
                + component.debianPackage() + "; fi; "
                + "$S systemctl disable --now " + component.systemdService() + " >/dev/null 2>&1; true";
    }
}
