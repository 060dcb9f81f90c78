package starfish.orchestrator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.runner.CommandFailedException;
import starfish.orchestrator.runner.CommandRunner;

/**
 * The host's side of collecting: a TSDB snapshot taken through Prometheus's admin API (`POST
 * /api/v1/admin/tsdb/snapshot`, called with curl on the host's loopback), packed into one gzipped tar with its size
 * and SHA-256, so that the download can be checked. When our Prometheus does not run there, a temporary one serves
 * the data for the snapshot and stops afterwards.
 */
final class HostSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(HostSnapshot.class);
    static final String TEMPORARY_SESSION = "monitoring-prometheus-snapshot";
    private static final String SNAPSHOTS = RemoteMonitoring.DATA_DIR + "/snapshots";
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The packed snapshot on the host, relative to its working directory. */
    record Archive(String path, String snapshotName, long bytes, String sha256) {
    }

    private final CommandRunner runner;
    private final Instance host;
    private final String loopbackUrl;
    private final String listenAddress;

    HostSnapshot(SnapshotSource source) {
        this.runner = source.runner();
        this.host = source.host();
        this.listenAddress = "127.0.0.1:" + source.prometheusPort();
        this.loopbackUrl = "http://" + listenAddress;
    }

    /** Takes the snapshot and packs it; the snapshot directory itself is removed, the archive stays for download. */
    Archive take() {
        requireData();
        boolean temporary = !prometheusAnswers();
        if (temporary) {
            startTemporaryPrometheus();
        }
        try {
            String name = requestSnapshot();
            return pack(name);
        } finally {
            if (temporary) {
                runner.stopDetached(host, TEMPORARY_SESSION);
            }
        }
    }

    /** Removes the archive from the host once it is downloaded (or given up on); a failure is only logged. */
    void remove(Archive archive) {
        try {
            runner.execute(host, "rm -f " + ServiceCommandLines.quote(archive.path()));
        } catch (RuntimeException e) {
            LOG.warn("Could not remove {} from {}: {}", archive.path(), host.id(), e.getMessage());
        }
    }

    private void requireData() {
        String found = runner.execute(host, "if [ -d " + RemoteMonitoring.DATA_DIR + " ]; then echo yes; fi").stdout();
        if (!found.contains("yes")) {
            throw noData(host);
        }
        String curl = runner.execute(host, "command -v curl || true").stdout();
        if (curl.isBlank()) {
            throw new MonitoringCollectionException("curl is not installed on the monitoring host " + host.id()
                    + ", which asks Prometheus for the snapshot; install it with `sudo apt-get install -y curl`");
        }
    }

    static MonitoringCollectionException noData(Instance host) {
        return new MonitoringCollectionException("the monitoring host " + host.id() + " (" + host.publicIp()
                + ") has no Prometheus data (" + RemoteMonitoring.DATA_DIR + " is missing): no benchmark ran there"
                + " with monitoring (`benchmark --monitoring` or `monitoring: true`) since it was deployed");
    }

    private boolean prometheusAnswers() {
        String status = runner.execute(host, "curl -s -o /dev/null -w '%{http_code}' --max-time 5 "
                + loopbackUrl + "/-/ready || true").stdout().strip();
        return status.equals("200");
    }

    private void startTemporaryPrometheus() {
        String binary = runner.execute(host, MonitoringComponent.PROMETHEUS.locateCommand()).stdout().strip();
        if (binary.isEmpty()) {
            throw new MonitoringCollectionException("Prometheus is not installed on the monitoring host " + host.id()
                    + ", so its data cannot be read; " + MonitoringComponent.PROMETHEUS.missingMessage());
        }
        RemoteMonitoring.upload(runner, host, new PrometheusConfig(Duration.ofMinutes(1), List.of()).render(),
                RemoteMonitoring.DIR + "/snapshot-prometheus.yml");
        String home = runner.execute(host, "pwd").stdout().strip() + "/";
        runner.stopDetached(host, TEMPORARY_SESSION);
        List<String> command = new ArrayList<>(ServiceCommandLines.prometheusOverData(binary,
                home + RemoteMonitoring.DIR + "/snapshot-prometheus.yml", home + RemoteMonitoring.DATA_DIR,
                listenAddress));
        command.add(ServiceCommandLines.ADMIN_API);
        runner.startDetached(host, TEMPORARY_SESSION, ServiceCommandLines.shell(command),
                RemoteMonitoring.DIR + "/snapshot-prometheus.log");
        long tries = READY_WITHIN.toMillis() / 500;
        try {
            runner.execute(host, "i=0; until curl -sf -o /dev/null --max-time 2 " + loopbackUrl + "/-/ready; do"
                    + " i=$((i+1)); [ $i -lt " + tries + " ] || exit 1; sleep 0.5; done");
        } catch (CommandFailedException e) {
            String log = runner.execute(host, "tail -n 15 " + RemoteMonitoring.DIR + "/snapshot-prometheus.log"
                    + " 2>/dev/null || true").stdout();
            runner.stopDetached(host, TEMPORARY_SESSION);
            throw new MonitoringCollectionException("Prometheus did not answer on " + host.id() + " within "
                    + READY_WITHIN.toSeconds() + " s of starting over the stored data (if a benchmark with"
                    + " monitoring still runs, collect from it while it runs or after it ends); its log ends with:\n"
                    + log.strip());
        }
    }

    private String requestSnapshot() {
        String body = runner.execute(host, "curl -sS --max-time 600 -X POST " + loopbackUrl
                + "/api/v1/admin/tsdb/snapshot").stdout();
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !"success".equals(answer.path("status").asText())) {
            String error = answer == null ? body.strip() : answer.path("error").asText(body.strip());
            throw new MonitoringCollectionException("Prometheus on " + host.id() + " refused the snapshot: " + error
                    + (error.contains("admin APIs disabled") ? " (it was started without --web.enable-admin-api;"
                    + " collect once the benchmark that started it has ended)" : ""));
        }
        String name = answer.at("/data/name").asText();
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new MonitoringCollectionException("Prometheus on " + host.id() + " named its snapshot '" + name
                    + "', which is not a directory name");
        }
        return name;
    }

    private Archive pack(String name) {
        String archive = RemoteMonitoring.DIR + "/snapshot-" + name + ".tar.gz";
        String[] sizeAndSum = runner.execute(host, "tar -czf " + archive + " -C " + SNAPSHOTS + " " + name
                + " && rm -rf " + SNAPSHOTS + "/" + name
                + " && wc -c < " + archive + " && sha256sum " + archive).stdout().strip().split("\\s+");
        return new Archive(archive, name, Long.parseLong(sizeAndSum[0]), sizeAndSum[1]);
    }
}
