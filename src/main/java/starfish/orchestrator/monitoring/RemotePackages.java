package starfish.orchestrator.monitoring;

/**
 * Shell commands that install a monitoring component on a cloud host from its distribution's packages (and
 * Grafana's own apt repository, which Debian and Ubuntu lack). The packaged services are disabled afterwards:
 * monitoring runs its own processes with its own configuration, and they need the ports.
 */
final class RemotePackages {
    /** What the Grafana install prints (on stdout) when the host cannot get Grafana's apt repository. */
    static final String GRAFANA_SKIPPED = "cannot add Grafana's apt repository (https://apt.grafana.com) on this"
            + " host, so Grafana is skipped";
    private static final String SUDO = "S=$([ \"$(id -u)\" -eq 0 ] || echo sudo); ";
    private static final String GRAFANA_KEY = "https://apt.grafana.com/gpg.key";
    private static final String GRAFANA_KEYRING = "/etc/apt/keyrings/grafana.gpg";
    private static final String GRAFANA_SOURCE_LIST = "/etc/apt/sources.list.d/grafana.list";
    /** Bounded, so that a host without a route fails in seconds instead of wget's 20 retries of 15 minutes. */
    private static final String WGET = "wget -q --timeout=15 --tries=2";
    /**
     * Adds Grafana's apt repository when the host reaches it. Otherwise, or when its key does not install, removes
     * what was half written (a source list without its key would break every later `apt-get update`), says that
     * Grafana is skipped, and fails. A pipeline's status is its last command's, hence the check of the keyring.
     */
    static final String GRAFANA_APT_SOURCE = "{ " + WGET + " --spider " + GRAFANA_KEY
            + " && $S mkdir -p /etc/apt/keyrings /etc/apt/sources.list.d"
            + " && " + WGET + " -O - " + GRAFANA_KEY + " | gpg --dearmor | $S tee " + GRAFANA_KEYRING + " >/dev/null"
            + " && [ -s " + GRAFANA_KEYRING + " ]"
            + " && echo 'deb [signed-by=" + GRAFANA_KEYRING + "] https://apt.grafana.com stable main'"
            + " | $S tee " + GRAFANA_SOURCE_LIST + " >/dev/null; }"
            + " || { $S rm -f " + GRAFANA_SOURCE_LIST + " " + GRAFANA_KEYRING + "; echo \"" + GRAFANA_SKIPPED + "\";"
            + " false; }";

    private RemotePackages() {
    }

    /** Installs `component` unless its binary is there; never fails, so a missing Grafana leaves the rest running. */
    static String install(MonitoringComponent component) {
        String addSource = component == MonitoringComponent.GRAFANA
                ? "{ apt-cache show grafana >/dev/null 2>&1 || " + GRAFANA_APT_SOURCE + "; } && "
                : "";
        return SUDO
                + "if [ -z \"$(" + component.locateCommand() + ")\" ]; then "
                + addSource
                + "$S apt-get update -q && $S env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
                + component.debianPackage() + "; fi; "
                + "$S systemctl disable --now " + component.systemdService() + " >/dev/null 2>&1; true";
    }
}
