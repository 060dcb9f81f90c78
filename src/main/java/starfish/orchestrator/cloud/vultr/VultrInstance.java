package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/** The fields of a Vultr instance object that the testbed uses (JSON snake_case; `default_password` is ignored). */
@JsonIgnoreProperties(ignoreUnknown = true)
record VultrInstance(String id, String region, String mainIp, String internalIp, String status, String powerStatus,
                     String serverStatus, String label, String dateCreated, List<String> tags,
                     String firewallGroupId) {
    static final String NO_ADDRESS_YET = "0.0.0.0";

    /** Booted, reachable and with its address assigned. */
    boolean ready() {
        return "active".equals(status) && "running".equals(powerStatus) && "ok".equals(serverStatus)
                && mainIp != null && !mainIp.isBlank() && !NO_ADDRESS_YET.equals(mainIp);
    }

    InstanceStatus testbedStatus() {
        if (ready()) {
            return InstanceStatus.ACTIVE;
        }
        if ("suspended".equals(status) || ("active".equals(status) && "stopped".equals(powerStatus))) {
            return InstanceStatus.STOPPED;
        }
        return InstanceStatus.PENDING;
    }

    /** `internal_ip` is set only when the instance is attached to a VPC; otherwise validators use the public one. */
    Instance toInstance() {
        String internal = internalIp == null || internalIp.isBlank() ? mainIp : internalIp;
        return new Instance(id, region, mainIp, internal, testbedStatus());
    }

    boolean taggedWith(String tag) {
        return tags != null && tags.contains(tag);
    }
}
