package starfish.orchestrator.cloud.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import starfish.orchestrator.cloud.OwnerToken;

/**
 * How a testbed marks what it owns: `Name` = testbed id (what the console shows), the ownership tag
 * `starfish:testbed` = testbed id and `starfish:owner` = the deployer's token. Lookups filter on all three, so that
 * neither a foreign resource that merely shares the name nor another owner's testbed of the same id is touched;
 * `sweepAll` leaves the owner out (`testbed destroy --force`).
 */
record Tags(String testbedId, OwnerToken owner, boolean sweepAll) {
    static final String OWNERSHIP_KEY = "starfish:testbed";

    /** Key pairs and security groups are named per owner: their names are unique per region. */
    String resourceName() {
        return testbedId + "-" + owner.shortForm();
    }

    TagSpecification on(ResourceType type) {
        return TagSpecification.builder().resourceType(type).tags(
                Tag.builder().key("Name").value(testbedId).build(),
                Tag.builder().key(OWNERSHIP_KEY).value(testbedId).build(),
                Tag.builder().key(OwnerToken.TAG_KEY).value(owner.value()).build()).build();
    }

    List<Filter> filters() {
        List<Filter> filters = new ArrayList<>(List.of(Filter.builder().name("tag:Name").values(testbedId).build(),
                Filter.builder().name("tag:" + OWNERSHIP_KEY).values(testbedId).build()));
        if (!sweepAll) {
            filters.add(Filter.builder().name("tag:" + OwnerToken.TAG_KEY).values(owner.value()).build());
        }
        return filters;
    }

    /** The same testbed, with or without other owners' resources. */
    Tags sweepingAll(boolean all) {
        return new Tags(testbedId, owner, all);
    }
}
