package starfish.orchestrator.cloud.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * the operator reach SSH (22) and Grafana (3000) and lets the testbed's instances reach each other on every port.
 */
final class AccessResources {
    static final int SSH_PORT = 22;
    static final int GRAFANA_PORT = 3000;
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
                fromOperator(SSH_PORT, "ssh from the operator"),
                fromOperator(GRAFANA_PORT, "grafana from the operator"),
                IpPermission.builder().ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId)
                                .description("the testbed's own instances").build()).build()));
        LOG.info("created security group {} in {} (ssh and grafana from {})", groupId, region, operator.cidr());
        return groupId;
    }

    private IpPermission fromOperator(int port, String description) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(operator.cidr()).description(description).build()).build();
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
