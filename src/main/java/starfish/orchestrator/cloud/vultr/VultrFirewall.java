package starfish.orchestrator.cloud.vultr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.cloud.FirewallPolicy;
import starfish.orchestrator.cloud.OperatorAddress;
import starfish.orchestrator.cloud.Rollback;

/**
 * The testbed's Vultr firewall group and its rules, after the {@link FirewallPolicy}: the operator's address reaches
 * SSH, Grafana, Prometheus and the metrics ports over TCP; each instance of the testbed reaches every TCP port
 * (validators, node_exporter and monitoring speak only TCP). Rules are reconciled, not appended: what the policy does
 * not ask for is deleted. A group holds at most its `max_rule_count` rules (50 by default), so about 45 instances.
 */
final class VultrFirewall {
    private static final Logger LOG = LoggerFactory.getLogger(VultrFirewall.class);

    private final VultrApi api;
    private final VultrOwnership ownership;

    VultrFirewall(VultrApi api, VultrOwnership ownership) {
        this.api = api;
        this.ownership = ownership;
    }

    Optional<VultrFirewallGroup> group() {
        return groups().stream().findFirst();
    }

    private List<VultrFirewallGroup> groups() {
        return api.list("/firewalls", Map.of(), "firewall_groups", VultrFirewallGroup.class).stream()
                .filter(ownership::ownsFirewall).toList();
    }

    /** The owner's firewall group of the testbed, created (without rules: nothing gets in) when there is none. */
    String ensureGroup(Rollback rollback) {
        Optional<VultrFirewallGroup> existing = group();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        VultrFirewallGroup group = api.post("/firewalls", Map.of("description", ownership.firewallDescription()),
                "firewall_group", VultrFirewallGroup.class)
                .orElseThrow(() -> new IllegalStateException("Vultr created a firewall group but did not return it"));
        rollback.created("firewall group " + group.id(), () -> api.delete("/firewalls/" + group.id()));
        LOG.info("created Vultr firewall group {}", group.id());
        return group.id();
    }

    /** Gives the group exactly the policy's rules for `operator` and the testbed's `peerAddresses`. */
    void reconcile(String groupId, OperatorAddress operator, Set<String> peerAddresses) {
        List<VultrFirewallRule> wanted = new ArrayList<>();
        FirewallPolicy.OPERATOR_PORTS.forEach(p -> wanted.add(VultrFirewallRule.wanted("tcp", p.from(), p.to(),
                operator.network(), operator.prefixLength(), p.description())));
        wanted.addAll(peers(peerAddresses));
        apply(groupId, rule -> true, wanted);
    }

    /** Deletes the rules of addresses no longer in the testbed; leaves the operator's rules alone. */
    void revokeGonePeers(Set<String> peerAddresses) {
        for (VultrFirewallGroup group : groups()) {
            apply(group.id(), rule -> FirewallPolicy.PEER_DESCRIPTION.equals(rule.notes()), peers(peerAddresses));
        }
    }

    private static List<VultrFirewallRule> peers(Set<String> addresses) {
        return addresses.stream().sorted().map(ip -> VultrFirewallRule.wanted("tcp", 1, 65_535, ip, 32,
                FirewallPolicy.PEER_DESCRIPTION)).toList();
    }

    private void apply(String groupId, Predicate<VultrFirewallRule> managed, List<VultrFirewallRule> wanted) {
        String rules = "/firewalls/" + groupId + "/rules";
        List<VultrFirewallRule> current = api.list(rules, Map.of(), "firewall_rules", VultrFirewallRule.class);
        List<VultrFirewallRule> stale = current.stream().filter(managed)
                .filter(c -> wanted.stream().noneMatch(c::sameAccess)).toList();
        List<VultrFirewallRule> missing = wanted.stream().filter(w -> current.stream().noneMatch(w::sameAccess)).toList();
        for (VultrFirewallRule rule : stale) {
            api.delete(rules + "/" + rule.id());
        }
        for (VultrFirewallRule rule : missing) {
            api.post(rules, rule.requestBody());
        }
        if (!stale.isEmpty() || !missing.isEmpty()) {
            LOG.info("Vultr firewall group {}: {} rules added, {} deleted", groupId, missing.size(), stale.size());
        }
    }

    /** Deletes the testbed's firewall groups (their instances must be gone); returns what it could not delete. */
    List<String> delete() {
        List<String> failures = new ArrayList<>();
        for (VultrFirewallGroup group : groups()) {
            try {
                api.delete("/firewalls/" + group.id());
            } catch (VultrApiException e) {
                failures.add("firewall group " + group.id() + " (" + e.getMessage() + ")");
            }
        }
        return failures;
    }
}
