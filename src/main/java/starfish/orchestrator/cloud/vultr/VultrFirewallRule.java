package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of a Vultr firewall group (`GET /firewalls/{id}/rules`): it accepts `protocol` traffic from
 * `subnet/subnet_size` on `port` (one port or `from:to`). Everything no rule accepts is dropped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VultrFirewallRule(int id, String ipType, String protocol, String port, String subnet, int subnetSize,
                         String notes) {

    static VultrFirewallRule wanted(String protocol, int fromPort, int toPort, String subnet, int subnetSize,
                                    String notes) {
        String port = fromPort == toPort ? Integer.toString(fromPort) : fromPort + ":" + toPort;
        return new VultrFirewallRule(0, "v4", protocol, port, subnet, subnetSize, notes);
    }

    /** Rules are the same when they accept the same traffic; id and notes are labels. */
    boolean sameAccess(VultrFirewallRule other) {
        return protocol.equalsIgnoreCase(other.protocol) && port.equals(other.port) && subnet.equals(other.subnet)
                && subnetSize == other.subnetSize;
    }

    /** The body of `POST /firewalls/{id}/rules`. */
    Map<String, Object> requestBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ip_type", ipType);
        body.put("protocol", protocol);
        body.put("subnet", subnet);
        body.put("subnet_size", subnetSize);
        body.put("port", port);
        body.put("notes", notes);
        return body;
    }
}
