package starfish.orchestrator.monitoring;

import java.util.List;
import java.util.stream.Collectors;

/** The command lines that start each monitoring service, shared by the local and the remote testbeds. */
final class ServiceCommandLines {

    private ServiceCommandLines() {
    }

    static List<String> prometheus(String binary, String configFile, String dataDir, String listenAddress) {
        return List.of(binary,
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dataDir,
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
