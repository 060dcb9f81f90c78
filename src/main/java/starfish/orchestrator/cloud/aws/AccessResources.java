package starfish.orchestrator.cloud.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import starfish.orchestrator.cloud.FirewallPolicy;
import starfish.orchestrator.cloud.OperatorAddress;
import starfish.orchestrator.cloud.Rollback;

/**
 * The key pair and the security group of a testbed in one region, named after the testbed id and the owner. The
 * group's rules follow the {@link FirewallPolicy}: the operator reaches SSH, Grafana, Prometheus and the metrics
 * ports; the testbed's instances reach each other on every port, by group membership inside a region and by their
 * public addresses across regions. Rules are reconciled, not appended: whatever the policy does not ask for is
 * revoked, so a changed operator address or a gone instance loses its access.
 */
final class AccessResources {
    private static final Logger LOG = LoggerFactory.getLogger(AccessResources.class);

    /** One ingress rule as EC2 lists it: a CIDR or a source group, for a protocol ("-1": all) and port range. */
    record Rule(String protocol, Integer fromPort, Integer toPort, String cidr, String sourceGroup, String description) {

        boolean isPeer() {
            return FirewallPolicy.PEER_DESCRIPTION.equals(description);
        }

        /** Rules are the same when they admit the same traffic; the description is a label. */
        boolean sameAccess(Rule other) {
            return protocol.equals(other.protocol) && Objects.equals(fromPort, other.fromPort)
                    && Objects.equals(toPort, other.toPort) && Objects.equals(cidr, other.cidr)
                    && Objects.equals(sourceGroup, other.sourceGroup);
        }

        IpPermission permission() {
            IpPermission.Builder permission = IpPermission.builder().ipProtocol(protocol).fromPort(fromPort).toPort(toPort);
            return cidr != null
                    ? permission.ipRanges(IpRange.builder().cidrIp(cidr).description(description).build()).build()
                    : permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(sourceGroup).description(description)
                            .build()).build();
        }

        static List<Rule> of(IpPermission permission) {
            List<Rule> rules = new ArrayList<>();
            permission.ipRanges().forEach(range -> rules.add(new Rule(permission.ipProtocol(), permission.fromPort(),
                    permission.toPort(), range.cidrIp(), null, range.description())));
            permission.userIdGroupPairs().forEach(pair -> rules.add(new Rule(permission.ipProtocol(),
                    permission.fromPort(), permission.toPort(), null, pair.groupId(), pair.description())));
            return rules;
        }
    }

    private final Tags tags;

    AccessResources(Tags tags) {
        this.tags = tags;
    }

    /** Imports `publicKey` as the owner's key pair of the testbed unless it exists; returns the key name. */
    String ensureKeyPair(Ec2Client ec2, String region, String publicKey, Rollback rollback) {
        String name = tags.resourceName();
        if (keyPairs(ec2).isEmpty()) {
            String id = ec2.importKeyPair(r -> r.keyName(name).publicKeyMaterial(SdkBytes.fromUtf8String(publicKey))
                    .tagSpecifications(tags.on(ResourceType.KEY_PAIR))).keyPairId();
            LOG.info("imported key pair {} ({}) in {}", name, id, region);
            rollback.created("key pair " + name + " (" + id + ") in " + region,
                    Ec2Failure.explained("deleting", () -> ec2.deleteKeyPair(r -> r.keyPairId(id))));
        }
        return name;
    }

    /** Creates the owner's security group of the testbed unless it exists (its rules come from reconcile); returns its id. */
    String ensureSecurityGroup(Ec2Client ec2, String region, Rollback rollback) {
        Optional<SecurityGroup> existing = securityGroups(ec2).stream().findFirst();
        if (existing.isPresent()) {
            return existing.get().groupId();
        }
        String groupId = ec2.createSecurityGroup(r -> r.groupName(tags.resourceName())
                .description("starfish benchmark testbed " + tags.testbedId())
                .tagSpecifications(tags.on(ResourceType.SECURITY_GROUP))).groupId();
        rollback.created("security group " + groupId + " in " + region,
                Ec2Failure.explained("deleting", () -> ec2.deleteSecurityGroup(r -> r.groupId(groupId))));
        LOG.info("created security group {} in {}", groupId, region);
        return groupId;
    }

    /**
     * Gives every group of the testbed in the region exactly the policy's rules for `operator` and `peerAddresses`
     * (the public IPs of the testbed's running instances, all regions).
     */
    void reconcile(Ec2Client ec2, String region, OperatorAddress operator, Set<String> peerAddresses) {
        for (SecurityGroup group : securityGroups(ec2)) {
            List<Rule> wanted = new ArrayList<>();
            FirewallPolicy.OPERATOR_PORTS.forEach(p -> wanted.add(new Rule("tcp", p.from(), p.to(), operator.cidr(),
                    null, p.description())));
            wanted.add(new Rule("-1", null, null, null, group.groupId(), "the testbed's own instances"));
            wanted.addAll(peers(peerAddresses));
            apply(ec2, region, group, rule -> true, wanted);
        }
    }

    /**
     * Revokes the peer rules of addresses that no longer belong to a running instance (after a stop or a failed
     * deploy); leaves the operator's rules alone, so it needs no operator address.
     */
    void revokeGonePeers(Ec2Client ec2, String region, Set<String> peerAddresses) {
        for (SecurityGroup group : securityGroups(ec2)) {
            apply(ec2, region, group, Rule::isPeer, peers(peerAddresses));
        }
    }

    private static List<Rule> peers(Set<String> addresses) {
        return addresses.stream().sorted()
                .map(ip -> new Rule("-1", null, null, ip + "/32", null, FirewallPolicy.PEER_DESCRIPTION)).toList();
    }

    /** Authorizes the `wanted` rules the group lacks and revokes its `managed` rules that are not wanted. */
    private static void apply(Ec2Client ec2, String region, SecurityGroup group, Predicate<Rule> managed,
                              List<Rule> wanted) {
        Set<Rule> current = new LinkedHashSet<>();
        group.ipPermissions().forEach(p -> current.addAll(Rule.of(p)));
        List<IpPermission> missing = wanted.stream().filter(w -> current.stream().noneMatch(w::sameAccess))
                .map(Rule::permission).toList();
        List<IpPermission> stale = current.stream().filter(managed)
                .filter(c -> wanted.stream().noneMatch(c::sameAccess)).map(Rule::permission).toList();
        if (!stale.isEmpty()) {
            ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(stale));
        }
        if (!missing.isEmpty()) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(missing));
        }
        if (!missing.isEmpty() || !stale.isEmpty()) {
            LOG.info("security group {} in {}: {} rules added, {} revoked", group.groupId(), region, missing.size(),
                    stale.size());
        }
    }

    /** Deletes the testbed's security groups and key pairs; instances using them must be terminated first. */
    List<String> delete(Ec2Client ec2, String region) {
        List<String> deleted = new ArrayList<>();
        for (SecurityGroup group : securityGroups(ec2)) {
            ec2.deleteSecurityGroup(r -> r.groupId(group.groupId()));
            deleted.add("security group " + group.groupId() + " in " + region);
        }
        for (KeyPairInfo key : keyPairs(ec2)) {
            ec2.deleteKeyPair(r -> r.keyPairId(key.keyPairId()));
            deleted.add("key pair " + key.keyName() + " in " + region);
        }
        return deleted;
    }

    private List<SecurityGroup> securityGroups(Ec2Client ec2) {
        return ec2.describeSecurityGroupsPaginator(r -> r.filters(tags.filters())).securityGroups().stream().toList();
    }

    private List<KeyPairInfo> keyPairs(Ec2Client ec2) {
        return ec2.describeKeyPairs(r -> r.filters(tags.filters())).keyPairs();
    }
}
