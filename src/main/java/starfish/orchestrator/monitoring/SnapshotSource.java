package starfish.orchestrator.monitoring;

import starfish.orchestrator.host.Instance;
import starfish.orchestrator.runner.CommandRunner;

/**
 * Where a testbed's Prometheus keeps its data: `monitoring/prometheus-data` under `host`'s working directory, reached
 * through `runner`. `prometheusPort` is where our own Prometheus listens there when it runs (its admin API answers
 * on the host's loopback); when it does not run, a temporary one is started on that port of the loopback alone.
 */
public record SnapshotSource(CommandRunner runner, Instance host, int prometheusPort) {
}
