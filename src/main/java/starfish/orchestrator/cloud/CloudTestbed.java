package starfish.orchestrator.cloud;

import java.nio.file.Path;
import java.util.List;
import starfish.orchestrator.testbed.TestbedProvider;

/** A testbed of rented hosts reached over SSH; what the CLI needs beyond TestbedProvider to print `status`. */
public interface CloudTestbed extends TestbedProvider {

    /** The login user of the provider's Ubuntu image. */
    String sshUser();

    /** The private key that opens the instances, as given in settings. */
    Path sshPrivateKey();

    /**
     * Shell commands to run once on every instance before the install step (e.g. mounting a local NVMe disk on the
     * working directory); idempotent, so running them again before each benchmark is harmless.
     */
    default List<String> preparationCommands() {
        return List.of();
    }

    /** Every instance of the testbed as per-region tables with the ssh command line of each. */
    default String statusTable() {
        return InstanceTable.render(instances(), sshUser(), sshPrivateKey());
    }
}
