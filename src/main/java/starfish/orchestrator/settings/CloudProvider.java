package starfish.orchestrator.settings;

/** Where the testbed's instances come from; YAML spelling is the lower-case name. */
public enum CloudProvider {
    LOCAL, NETNS, AWS, VULTR;

    public String yamlName() {
        return name().toLowerCase();
    }
}
