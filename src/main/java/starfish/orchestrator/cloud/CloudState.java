package starfish.orchestrator.cloud;

import java.nio.file.Path;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.TestbedId;

/**
 * The directory where this machine keeps what it knows about one cloud testbed (its known_hosts file and its owner
 * token): `~/.starfish/cloud/<testbed_id>`, or under the directory the system property {@value #PROPERTY} names.
 */
public record CloudState(Path directory) {
    public static final String PROPERTY = "starfish.cloud.state-dir";

    public static CloudState of(Settings settings) {
        if (!TestbedId.isValid(settings.testbed().id())) {
            throw new IllegalArgumentException("testbed_id '" + settings.testbed().id() + "' " + TestbedId.RULE);
        }
        Path root = Path.of(System.getProperty(PROPERTY,
                Path.of(System.getProperty("user.home"), ".starfish", "cloud").toString()));
        return new CloudState(root.resolve(settings.testbed().id()));
    }

    public Path knownHosts() {
        return directory.resolve("known_hosts");
    }

    public Path ownerToken() {
        return directory.resolve("owner");
    }
}
