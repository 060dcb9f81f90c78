package starfish.orchestrator.cloud.aws;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * How a testbed marks what it owns: `Name` = testbed id (what the console shows) and the ownership tag
 * `starfish:testbed` = testbed id. Lookups filter on both so that a foreign resource that merely shares the name is
 * never touched.
 */
record Tags(String testbedId) {
    static final String OWNERSHIP_KEY = "starfish:testbed";

    TagSpecification on(ResourceType type) {
        return TagSpecification.builder().resourceType(type).tags(
                Tag.builder().key("Name").value(testbedId).build(),
                Tag.builder().key(OWNERSHIP_KEY).value(testbedId).build()).build();
    }

    List<Filter> filters() {
        return List.of(Filter.builder().name("tag:Name").values(testbedId).build(),
                Filter.builder().name("tag:" + OWNERSHIP_KEY).values(testbedId).build());
    }
}
