package starfish.orchestrator.monitoring;

import java.util.List;
import java.util.stream.Collectors;

/** The command lines that start each monitoring service, shared by the local and the remote testbeds. */
final class ServiceCommandLines {
    /** Prometheus's retention for data it only serves: a century, which no snapshot outlives. */
    static final String KEEP_FOREVER = "100y";
    /** The flag that lets the orchestrator take TSDB snapshots (`POST /api/v1/admin/tsdb/snapshot`). */
    static final String ADMIN_API = "--web.enable-admin-api";

    private ServiceCommandLines() {
    }

    /**
     * Prometheus with its admin API on, for the TSDB snapshots that `testbed collect-monitoring` takes (on cloud
     * hosts the firewall admits only the operator to its port).
     */
    static List<String> prometheus(String binary, String configFile, String dataDir, String listenAddress) {
        return List.of(binary,
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dataDir,
                "--web.listen-address=" + listenAddress,
                ADMIN_API);
    }

    /**
     * Prometheus serving data that is already there (a stopped testbed's, a collected snapshot): nothing to scrape,
     * and a retention long enough that opening old data never deletes any of it.
     */
    static List<String> prometheusOverData(String binary, String configFile, String dataDir, String listenAddress) {
        return List.of(binary,
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dataDir,
                "--storage.tsdb.retention.time=" + KEEP_FOREVER,
                "--web.listen-address=" + listenAddress);
    }

    static List<String> grafana(String binary, String homeDir, String iniFile) {
        return List.of(binary, "--homepath=" + homeDir, "--config=" + iniFile);
    }

    static List<String> nodeExporter(String binary, String listenAddress) {
        return List.of(binary, "--web.listen-address=" + listenAddress);
    }

    /** The command line as one POSIX shell string, every word single-quoted. */
    static String shell(List<String> words) {
        return words.stream().map(ServiceCommandLines::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
