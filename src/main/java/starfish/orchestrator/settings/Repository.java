package starfish.orchestrator.settings;

/** The git repository and commit that remote hosts build the validator from. */
public record Repository(String url, String commit) {
}
