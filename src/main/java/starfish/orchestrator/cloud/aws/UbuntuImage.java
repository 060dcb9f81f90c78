package starfish.orchestrator.cloud.aws;

import java.time.Instant;
import java.util.Comparator;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/** Finds Canonical's newest Ubuntu 24.04 LTS (noble) amd64 server image of a region. */
final class UbuntuImage {
    static final String CANONICAL = "099720109477";
    static final String NAME_PATTERN = "ubuntu/images/hvm-ssd*/ubuntu-noble-24.04-amd64-server-*";

    private UbuntuImage() {
    }

    static Image newest(Ec2Client ec2, String region) {
        return ec2.describeImages(r -> r.owners(CANONICAL).filters(
                        Filter.builder().name("name").values(NAME_PATTERN).build(),
                        Filter.builder().name("state").values("available").build()))
                .images().stream()
                .max(Comparator.comparing(image -> Instant.parse(image.creationDate())))
                .orElseThrow(() -> new IllegalStateException("region " + region + " has no available Canonical image named "
                        + NAME_PATTERN + "; is the region name right?"));
    }
}
