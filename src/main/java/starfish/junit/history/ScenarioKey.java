package starfish.junit.history;

import java.nio.file.Path;

/**
 * What makes two runs comparable: the same scenario (class and method), the same run parameters (protocol,
 * committee, load, Byzantine nodes, mimicked latency, duration) and the same kind of machine.
 */
public record ScenarioKey(String scenario, String parameters, String machine) {

    /** `<scenario>/<parameters>@<machine>.jsonl` below the history's root: deleting it resets the baseline. */
    Path file(Path root) {
        return root.resolve(safe(scenario)).resolve(safe(parameters) + "@" + safe(machine) + ".jsonl");
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
