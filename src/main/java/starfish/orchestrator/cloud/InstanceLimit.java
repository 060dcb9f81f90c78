package starfish.orchestrator.cloud;

/** The `max_instances` guard: a deploy that would grow the testbed past it is refused before anything is created. */
public final class InstanceLimit {

    private InstanceLimit() {
    }

    public static void check(String testbedId, int existing, int requested, int maxInstances) {
        if (requested <= 0) {
            throw new IllegalArgumentException("deploy needs at least one instance per region, got " + requested);
        }
        if (existing + requested > maxInstances) {
            throw new IllegalStateException("deploying " + requested + " instances would give testbed '" + testbedId
                    + "' " + (existing + requested) + " instances (" + existing + " exist), more than max_instances = "
                    + maxInstances + "; nothing was created. Raise max_instances in the settings file or deploy fewer.");
        }
    }
}
