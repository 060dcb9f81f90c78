package starfish.orchestrator.cloud;

import java.util.List;
import starfish.orchestrator.host.ValidatorPorts;

/**
 * Who may reach what on a cloud testbed, the same on every provider: the operator's address reaches SSH, Grafana,
 * Prometheus and the validators' metrics ports; the testbed's own instances reach each other on every port
 * (consensus, node_exporter, everything else). Nothing else is admitted.
 */
public final class FirewallPolicy {

    /** A TCP port range (one port when `from == to`) opened to the operator. */
    public record OperatorPorts(int from, int to, String description) {
    }

    public static final List<OperatorPorts> OPERATOR_PORTS = List.of(
            new OperatorPorts(22, 22, "ssh from the operator"),
            new OperatorPorts(3000, 3000, "grafana from the operator"),
            new OperatorPorts(9090, 9090, "prometheus from the operator"),
            new OperatorPorts(ValidatorPorts.FIRST_METRICS, ValidatorPorts.LAST_METRICS,
                    "validator metrics from the operator"));

    /** The description every per-instance rule carries, so that reconciling finds the ones it manages. */
    public static final String PEER_DESCRIPTION = "testbed peer";

    private FirewallPolicy() {
    }
}
