package starfish.orchestrator.measurement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the committed sequences of honest validators (one `committed.log` line per committed leader:
 * index, leader round, leader authority, leader digest, running sequence digest, tx count). They are safe when
 * they agree on their common prefix; a shorter sequence is a lagging validator, not a violation.
 */
public final class SafetyCheck {
    private static final int FIELDS = 6;

    private SafetyCheck() {
    }

    /** `logs` maps an honest authority to its committed log lines, in file order. */
    public static SafetyVerdict check(Map<Integer, List<String>> logs) {
        Map<Integer, List<String>> entries = new TreeMap<>();
        logs.forEach((authority, lines) -> entries.put(authority, completeEntries(lines)));
        if (entries.size() < 2) {
            return SafetyVerdict.ok();
        }
        int reference = entries.keySet().iterator().next();
        List<String> expected = entries.get(reference);
        for (Map.Entry<Integer, List<String>> other : entries.entrySet()) {
            List<String> actual = other.getValue();
            int common = Math.min(expected.size(), actual.size());
            for (int index = 0; index < common; index++) {
                if (!expected.get(index).equals(actual.get(index))) {
                    return new SafetyVerdict(Safety.VIOLATED, "validators " + reference + " and " + other.getKey()
                            + " diverge at committed index " + index + ": '" + expected.get(index) + "' vs '"
                            + actual.get(index) + "'");
                }
            }
        }
        return SafetyVerdict.ok();
    }

    /** Normalised lines; a torn last line (fewer fields, written while the validator was stopped) is dropped. */
    private static List<String> completeEntries(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> String.join(" ", l.split("\\s+")))
                .filter(l -> l.split(" ").length == FIELDS).toList();
    }
}
