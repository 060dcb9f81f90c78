package starfish.orchestrator.cloud.vultr;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A Vultr firewall group (`GET /firewalls`): its id, description, and how many instances and rules it holds. */
@JsonIgnoreProperties(ignoreUnknown = true)
record VultrFirewallGroup(String id, String description, int instanceCount, int ruleCount, int maxRuleCount) {
}
