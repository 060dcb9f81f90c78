package starfish.orchestrator.measurement;

/**
 * Whether all honest validators' committed sequences agree on their common prefixes. JSON: "ok" / "violated" /
 * "unknown" (a committed log was missing or unreadable, so the comparison is incomplete: never read as ok).
 */
public enum Safety {
    OK, VIOLATED, UNKNOWN;

    public String jsonName() {
        return name().toLowerCase();
    }
}
