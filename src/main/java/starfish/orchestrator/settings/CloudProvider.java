package starfish.orchestrator.settings;

import java.util.List;

/**
 * Where the testbed's instances come from; YAML spelling is the lower-case name. What its hosts are like is the
 * provider's HostTraits, not a question to ask this name.
 */
public enum CloudProvider {
    LOCAL(List.of()),
    NETNS(List.of()),
    AWS(List.of("testbed_id", "regions", "specs", "ssh_private_key_file")),
    VULTR(List.of("testbed_id", "regions", "specs", "token_file", "ssh_private_key_file")),
    SIMULATED(List.of());

    private final List<String> requiredFields;

    CloudProvider(List<String> requiredFields) {
        this.requiredFields = requiredFields;
    }

    /** The settings fields (YAML names) this provider cannot do without; the loader checks them, once. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    public String yamlName() {
        return name().toLowerCase();
    }
}
