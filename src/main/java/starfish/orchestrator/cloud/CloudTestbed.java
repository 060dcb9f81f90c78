package starfish.orchestrator.cloud;

import java.nio.file.Path;
import java.util.Optional;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/** A testbed of rented hosts reached over SSH; whose status lists the ssh command of each instance. */
public interface CloudTestbed extends TestbedProvider {

    /** The login user of the provider's Ubuntu image. */
    String sshUser();

    /** The private key that opens the instances, as given in settings. */
    Path sshPrivateKey();

    @Override
    default Optional<String> sshCommand(Instance instance) {
        return Optional.of("ssh -i " + sshPrivateKey() + " " + sshUser() + "@" + instance.publicIp());
    }
}
