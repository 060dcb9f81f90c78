package starfish.orchestrator.host;

/**
 * One host of a testbed. `publicIp` is where the orchestrator reaches it (SSH, metrics); `internalIp` is what
 * validators use among themselves with --use-internal-ip-addresses. For the local testbed both are 127.0.0.1.
 */
public record Instance(String id, String region, String publicIp, String internalIp, InstanceStatus status) {

    public boolean isActive() {
        return status == InstanceStatus.ACTIVE;
    }
}
