package starfish.node.consensus;

/** How a leader slot was decided; the metric label is the CLI-style spelling. */
public enum CommitType {
    DIRECT_COMMIT("direct-commit"),
    DIRECT_SKIP("direct-skip"),
    INDIRECT_COMMIT("indirect-commit"),
    INDIRECT_SKIP("indirect-skip");

    private final String label;

    CommitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
