package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.time.Instant;

/** README.md of a collected copy: what it holds and how to open it. */
final class SnapshotReadme {
    static final String FILE = "README.md";
    static final String INCOMPLETE = "INCOMPLETE.md";

    private SnapshotReadme() {
    }

    static String render(String testbedId, String hostId, Instant collectedAt, CollectedMonitoring copy) {
        String span = copy.span().map(s -> "from " + s.from() + " to " + s.to()).orElse("(no sample stored yet)");
        return "# Monitoring data of testbed " + testbedId + "\n\n"
                + "A TSDB snapshot of the Prometheus that monitored testbed `" + testbedId + "` (on " + hostId
                + "), taken " + collectedAt + " through Prometheus's admin API: every series it scraped (validators'"
                + " metrics, hosts' node_exporter), " + span + ".\n\n"
                + "- `" + CollectedMonitoring.SNAPSHOT + "/`: the snapshot, " + ByteCount.format(copy.bytes())
                + " in " + copy.files() + " files; a Prometheus data directory (`--storage.tsdb.path`)\n"
                + "- `" + CollectedMonitoring.CONFIG + "`: a configuration with nothing to scrape, to open it with\n"
                + "- `collection.json`: the same facts for programs\n\n"
                + "## Open it\n\n"
                + "From the directory this file is in:\n\n"
                + "```\n" + CollectedMonitoring.openCommand(Path.of("."), "127.0.0.1:9090") + "\n```\n\n"
                + "then browse http://127.0.0.1:9090 (Graph, with the time range above) or point Grafana at it."
                + " The series end with the run (Prometheus marked them stale when their targets went), so query"
                + " over a range (`max_over_time(sequenced_transactions_total[1m])`) rather than at an instant after"
                + " it. The long retention keeps Prometheus from deleting the old blocks as it opens them. Prometheus writes"
                + " into the directory it opens: copy `" + CollectedMonitoring.SNAPSHOT + "/` first to keep it as"
                + " collected.\n";
    }

    static String incomplete(String reason) {
        return "# INCOMPLETE\n\nCollecting the monitoring data failed, so this directory holds only part of it (or"
                + " none): " + reason + "\n";
    }
}
