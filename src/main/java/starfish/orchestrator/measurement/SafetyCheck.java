package starfish.orchestrator.measurement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares the committed sequences of honest validators (one `committed.log` line per committed leader:
 * index, leader round, leader authority, leader digest, running sequence digest, tx count). They are safe when
 * every pair agrees on its common prefix; a shorter sequence is a lagging validator, not a violation. Comparing
 * each sequence with the longest one is enough: two sequences that both agree with it agree with each other, and
 * the first index at which any pair differs is the first index at which one of them differs from it.
 * <p>
 * A validator that re-commits, after a restart, something else than its own log on disk appends a line
 * `restart-diverged INDEX` followed by the six fields it would have written: that is a violation too.
 * A missing or unreadable log, or a malformed line before the last, makes the verdict unknown unless a
 * violation is found among the others.
 */
public final class SafetyCheck {
    /** The line a restarted validator appends when it re-commits an index differently from its log on disk. */
    public static final String RESTART_DIVERGED = "restart-diverged";
    private static final int FIELDS = 6;

    private SafetyCheck() {
    }

    /** `logs` maps every honest authority to its committed log. */
    public static SafetyVerdict check(Map<Integer, CommittedLog> logs) {
        Map<Integer, List<String>> sequences = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> selfReported = new ArrayList<>();
        new TreeMap<>(logs).forEach((authority, log) -> {
            if (log instanceof CommittedLog.Unavailable unavailable) {
                unknown.add(unavailable.reason());
                return;
            }
            ParsedLog parsed = ParsedLog.of(authority, ((CommittedLog.Lines) log).lines());
            parsed.unreadable().ifPresent(unknown::add);
            parsed.restartDivergence().ifPresent(selfReported::add);
            sequences.put(authority, parsed.entries());
        });
        Optional<String> divergence = firstDivergence(sequences).or(() -> selfReported.stream().findFirst());
        if (divergence.isPresent()) {
            return new SafetyVerdict(Safety.VIOLATED, divergence.get());
        }
        if (!unknown.isEmpty()) {
            return new SafetyVerdict(Safety.UNKNOWN, String.join("; ", unknown));
        }
        return SafetyVerdict.ok();
    }

    private static Optional<String> firstDivergence(Map<Integer, List<String>> sequences) {
        if (sequences.isEmpty()) {
            return Optional.empty();
        }
        int reference = sequences.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, List<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        List<String> expected = sequences.get(reference);
        int firstIndex = Integer.MAX_VALUE;
        String detail = null;
        for (Map.Entry<Integer, List<String>> other : sequences.entrySet()) {
            List<String> actual = other.getValue();
            for (int index = 0; index < Math.min(actual.size(), firstIndex); index++) {
                if (!expected.get(index).equals(actual.get(index))) {
                    int low = Math.min(reference, other.getKey());
                    int high = Math.max(reference, other.getKey());
                    List<String> lowLog = sequences.get(low);
                    List<String> highLog = sequences.get(high);
                    firstIndex = index;
                    detail = "validators " + low + " and " + high + " diverge at committed index " + index + ": '"
                            + lowLog.get(index) + "' vs '" + highLog.get(index) + "'";
                    break;
                }
            }
        }
        return Optional.ofNullable(detail);
    }

    /** One validator's complete entries, with what made it unreadable or showed it diverging from itself. */
    private record ParsedLog(List<String> entries, Optional<String> unreadable, Optional<String> restartDivergence) {

        static ParsedLog of(int authority, List<String> lines) {
            List<String> normalised = lines.stream().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> String.join(" ", l.split("\\s+"))).toList();
            List<String> entries = new ArrayList<>();
            Optional<String> divergence = Optional.empty();
            for (int i = 0; i < normalised.size(); i++) {
                String[] fields = normalised.get(i).split(" ");
                boolean last = i == normalised.size() - 1;
                if (fields[0].equals(RESTART_DIVERGED) && fields.length == FIELDS + 2) {
                    divergence = divergence.or(() -> Optional.of(restartDivergence(authority, entries, fields)));
                } else if (fields.length == FIELDS && fields[0].equals(Integer.toString(entries.size()))) {
                    entries.add(normalised.get(i));
                } else if (!last || fields.length > FIELDS) {
                    // only the last line may be torn (written when the validator was stopped)
                    return new ParsedLog(entries, Optional.of("validator " + authority + "'s committed log has a"
                            + " malformed entry after committed index " + (entries.size() - 1) + ": '"
                            + normalised.get(i) + "'"), divergence);
                }
            }
            return new ParsedLog(entries, Optional.empty(), divergence);
        }

        private static String restartDivergence(int authority, List<String> entries, String[] fields) {
            String index = fields[1];
            String recommitted = String.join(" ", List.of(fields).subList(2, fields.length));
            String onDisk = index.matches("\\d+") && Integer.parseInt(index) < entries.size()
                    ? entries.get(Integer.parseInt(index)) : "?";
            return "validator " + authority + " re-committed index " + index + " differently after a restart: '"
                    + onDisk + "' on disk vs '" + recommitted + "'";
        }
    }
}
