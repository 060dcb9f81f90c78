package starfish.orchestrator.settings;

/** Where the testbed's instances come from; YAML spelling is the lower-case name. */
public enum CloudProvider {
    LOCAL, NETNS, AWS, VULTR, SIMULATED;

    /** Validator processes on this machine's loopback rather than hosts reached over SSH. */
    public boolean isLocal() {
        return this == LOCAL;
    }

    /** Every host is on this machine (loopback processes or network namespaces): validators share its memory. */
    public boolean sharesThisMachine() {
        return this == LOCAL || this == NETNS;
    }

    public String yamlName() {
        return name().toLowerCase();
    }
}
