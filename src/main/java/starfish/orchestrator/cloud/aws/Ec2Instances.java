package starfish.orchestrator.cloud.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;

/** The testbed's EC2 instances of a region, found by tag and seen as testbed Instances. */
final class Ec2Instances {
    /** Terminated instances linger in listings for an hour; they no longer belong to the testbed. */
    private static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");

    private final Tags tags;

    Ec2Instances(Tags tags) {
        this.tags = tags;
    }

    /** Live instances of the testbed in `region`, oldest first (all pages of DescribeInstances). */
    List<Instance> find(Ec2Client ec2, String region) {
        List<Filter> filters = new ArrayList<>(tags.filters());
        filters.add(Filter.builder().name("instance-state-name").values(LIVE_STATES).build());
        return ec2.describeInstancesPaginator(r -> r.filters(filters)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .sorted(Comparator.comparing(software.amazon.awssdk.services.ec2.model.Instance::launchTime,
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(software.amazon.awssdk.services.ec2.model.Instance::instanceId))
                .map(i -> toInstance(region, i))
                .toList();
    }

    static Instance toInstance(String region, software.amazon.awssdk.services.ec2.model.Instance ec2) {
        return new Instance(ec2.instanceId(), region, orEmpty(ec2.publicIpAddress()), orEmpty(ec2.privateIpAddress()),
                status(ec2.state().name()));
    }

    static InstanceStatus status(InstanceStateName state) {
        return switch (state) {
            case RUNNING -> InstanceStatus.ACTIVE;
            case STOPPING, STOPPED -> InstanceStatus.STOPPED;
            case SHUTTING_DOWN, TERMINATED -> InstanceStatus.TERMINATED;
            default -> InstanceStatus.PENDING;
        };
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
