package starfish.orchestrator.settings;

/**
 * Where the testbed's instances come from; YAML spelling is the lower-case name. What its hosts are like is the
 * provider's HostTraits, not a question to ask this name.
 */
public enum CloudProvider {
    LOCAL, NETNS, AWS, VULTR;

    public String yamlName() {
        return name().toLowerCase();
    }
}
