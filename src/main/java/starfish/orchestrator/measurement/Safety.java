package starfish.orchestrator.measurement;

/** Whether all honest validators' committed sequences agree on their common prefix. JSON: "ok" / "violated". */
public enum Safety {
    OK, VIOLATED;

    public String jsonName() {
        return name().toLowerCase();
    }
}
