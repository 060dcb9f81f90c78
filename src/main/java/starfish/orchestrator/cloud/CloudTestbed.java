package starfish.orchestrator.cloud;

import java.nio.file.Path;
import java.util.Optional;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/** A testbed of rented hosts reached over SSH; whose status lists the ssh command of each instance. */
public interface CloudTestbed extends TestbedProvider {

    /** How the orchestrator reaches the instances: the login user of the provider's image, the key, the runner. */
    SshAccess ssh();

    @Override
    default HostTraits traits() {
        return HostTraits.CLOUD;
    }

    @Override
    default CommandRunner commandRunner() {
        return ssh().runner();
    }

    default String sshUser() {
        return ssh().user();
    }

    default Path sshPrivateKey() {
        return ssh().keys().privateKey();
    }

    @Override
    default Optional<String> sshCommand(Instance instance) {
        return Optional.of("ssh -i " + sshPrivateKey() + " " + sshUser() + "@" + instance.publicIp());
    }
}
