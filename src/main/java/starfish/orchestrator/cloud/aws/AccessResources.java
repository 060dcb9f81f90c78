package starfish.orchestrator.cloud.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import starfish.orchestrator.cloud.Rollback;

/**
 * The key pair and the security group of a testbed in one region, both named after the testbed id. The group lets
 * the operator reach SSH (22), Grafana (3000) and the validators' metrics ports, and lets the testbed's instances
 * reach each other on every port: by group membership inside a region, and by their public addresses across
 * regions (those rules follow the instances, see admitPeers).
 */
final class AccessResources {
    static final int SSH_PORT = 22;
    static final int GRAFANA_PORT = 3000;
    /** The validators' consensus and metrics ports from the contract's default base port 26000; the orchestrator
     * scrapes /metrics from the operator's machine. */
    static final int FIRST_VALIDATOR_PORT = 26_000;
    static final int LAST_VALIDATOR_PORT = 26_999;
    static final String PEER_DESCRIPTION = "testbed peer";
    private static final Logger LOG = LoggerFactory.getLogger(AccessResources.class);

    private final Tags tags;
    private final OperatorAddress operator;

    AccessResources(Tags tags, OperatorAddress operator) {
        this.tags = tags;
        this.operator = operator;
    }

    /** Imports `publicKey` as key pair `testbed id` unless the testbed already has it; returns the key name. */
    String ensureKeyPair(Ec2Client ec2, String region, String publicKey, Rollback rollback) {
        String name = tags.testbedId();
        if (keyPairs(ec2).isEmpty()) {
            String id = ec2.importKeyPair(r -> r.keyName(name).publicKeyMaterial(SdkBytes.fromUtf8String(publicKey))
                    .tagSpecifications(tags.on(ResourceType.KEY_PAIR))).keyPairId();
            LOG.info("imported key pair {} ({}) in {}", name, id, region);
            rollback.created("key pair " + name + " (" + id + ") in " + region,
                    Ec2Failure.explained("deleting", () -> ec2.deleteKeyPair(r -> r.keyPairId(id))));
        }
        return name;
    }

    /** Creates the testbed's security group unless it exists; returns its id. */
    String ensureSecurityGroup(Ec2Client ec2, String region, Rollback rollback) {
        Optional<SecurityGroup> existing = securityGroups(ec2).stream().findFirst();
        if (existing.isPresent()) {
            return existing.get().groupId();
        }
        String groupId = ec2.createSecurityGroup(r -> r.groupName(tags.testbedId())
                .description("starfish benchmark testbed " + tags.testbedId())
                .tagSpecifications(tags.on(ResourceType.SECURITY_GROUP))).groupId();
        rollback.created("security group " + groupId + " in " + region,
                Ec2Failure.explained("deleting", () -> ec2.deleteSecurityGroup(r -> r.groupId(groupId))));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(
                fromOperator(SSH_PORT, SSH_PORT, "ssh from the operator"),
                fromOperator(GRAFANA_PORT, GRAFANA_PORT, "grafana from the operator"),
                fromOperator(FIRST_VALIDATOR_PORT, LAST_VALIDATOR_PORT, "validator metrics from the operator"),
                IpPermission.builder().ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId)
                                .description("the testbed's own instances").build()).build()));
        LOG.info("created security group {} in {} (ssh, grafana and metrics from {})", groupId, region, operator.cidr());
        return groupId;
    }

    private IpPermission fromOperator(int fromPort, int toPort, String description) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(fromPort).toPort(toPort)
                .ipRanges(IpRange.builder().cidrIp(operator.cidr()).description(description).build()).build();
    }

    /**
     * Makes the group admit exactly `peerAddresses` (the testbed's public IPs, all regions) on every port: validators
     * in other regions arrive from public addresses, which group membership does not cover. Addresses of instances
     * that are gone (stopped instances get new ones) are revoked so a recycled address is not trusted.
     */
    void admitPeers(Ec2Client ec2, String region, Set<String> peerAddresses) {
        for (SecurityGroup group : securityGroups(ec2)) {
            Set<String> admitted = group.ipPermissions().stream().filter(p -> "-1".equals(p.ipProtocol()))
                    .flatMap(p -> p.ipRanges().stream()).filter(r -> PEER_DESCRIPTION.equals(r.description()))
                    .map(IpRange::cidrIp).collect(Collectors.toSet());
            Set<String> wanted = peerAddresses.stream().map(ip -> ip + "/32").collect(Collectors.toCollection(TreeSet::new));
            List<IpRange> missing = peerRanges(wanted.stream().filter(cidr -> !admitted.contains(cidr)));
            List<IpRange> stale = peerRanges(admitted.stream().filter(cidr -> !wanted.contains(cidr)).sorted());
            if (!missing.isEmpty()) {
                ec2.authorizeSecurityGroupIngress(r -> r.groupId(group.groupId())
                        .ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(missing).build()));
            }
            if (!stale.isEmpty()) {
                ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId())
                        .ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(stale).build()));
            }
            LOG.info("security group {} in {} admits {} peers ({} new, {} revoked)", group.groupId(), region,
                    wanted.size(), missing.size(), stale.size());
        }
    }

    private static List<IpRange> peerRanges(Stream<String> cidrs) {
        return cidrs.map(cidr -> IpRange.builder().cidrIp(cidr).description(PEER_DESCRIPTION).build()).toList();
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
        List<Filter> filters = new ArrayList<>(tags.filters());
        filters.add(Filter.builder().name("group-name").values(tags.testbedId()).build());
        return ec2.describeSecurityGroupsPaginator(r -> r.filters(filters)).securityGroups().stream().toList();
    }

    private List<KeyPairInfo> keyPairs(Ec2Client ec2) {
        List<Filter> filters = new ArrayList<>(tags.filters());
        filters.add(Filter.builder().name("key-name").values(tags.testbedId()).build());
        return ec2.describeKeyPairs(r -> r.filters(filters)).keyPairs();
    }
}
