package starfish.orchestrator.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The programs monitoring runs, with the names their binaries go by and how a user gets them. */
public enum MonitoringComponent {
    PROMETHEUS("prometheus", "prometheus", List.of("prometheus"),
            "install it with `sudo apt-get install -y prometheus` (Debian/Ubuntu)"),
    GRAFANA("grafana", "grafana-server", List.of("grafana-server"),
            "Grafana is not in Debian's repositories: add Grafana's apt repository"
                    + " (https://grafana.com/docs/grafana/latest/setup-grafana/installation/debian/)"
                    + " and run `sudo apt-get install -y grafana`"),
    NODE_EXPORTER("prometheus-node-exporter", "prometheus-node-exporter",
            List.of("prometheus-node-exporter", "node_exporter"),
            "install it with `sudo apt-get install -y prometheus-node-exporter` (Debian/Ubuntu)");

    private final String debianPackage;
    private final String systemdService;
    private final List<String> binaries;
    private final String installHint;

    MonitoringComponent(String debianPackage, String systemdService, List<String> binaries, String installHint) {
        this.debianPackage = debianPackage;
        this.systemdService = systemdService;
        this.binaries = binaries;
        this.installHint = installHint;
    }

    public String debianPackage() {
        return debianPackage;
    }

    /** The service the package installs (and may start), which would hold the port our own process needs. */
    public String systemdService() {
        return systemdService;
    }

    /** The binary names to look for, preferred first (Debian's name before upstream's). */
    public List<String> binaries() {
        return binaries;
    }

    /** A sentence for the user when the binary is missing. */
    public String missingMessage() {
        return binaries.get(0) + " is not installed, so monitoring goes on without it; " + installHint + ".";
    }

    /** This machine's binary, searched on PATH and in the sbin directories Debian's packages use. */
    public Optional<Path> findLocally() {
        return findOn(localSearchPath());
    }

    /** Where this machine's binaries are searched: PATH, then the sbin directories Debian's packages use. */
    static String localSearchPath() {
        return System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
    }

    /** The executable binary in the first directory of `searchPath` (separated as in PATH) that has one. */
    Optional<Path> findOn(String searchPath) {
        for (String binary : binaries) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, binary);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A POSIX shell expression printing the first binary found on a host's PATH (empty output when none). */
    public String locateCommand() {
        return "for b in " + String.join(" ", binaries) + "; do"
                + " PATH=\"$PATH:/usr/sbin:/sbin\" command -v \"$b\" && break; done; true";
    }
}
