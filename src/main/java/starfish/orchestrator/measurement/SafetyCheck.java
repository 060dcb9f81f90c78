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
 * `restart-diverged INDEX` followed by the six fields it would have written: that is a violation too. A validator
 * that skipped history it could not fetch writes `gap` and then `leader ROUND AUTHOR DIGEST` per committed leader:
 * its sequence cannot be compared past the gap, but every leader it commits must be the one the others committed
 * in the same slot.
 * A missing or unreadable log, or a malformed line before the last, makes the verdict unknown unless a
 * violation is found among the others.
 */
public final class SafetyCheck {
    /** The line a restarted validator appends when it re-commits an index differently from its log on disk. */
    public static final String RESTART_DIVERGED = "restart-diverged";
    /** The line after which a validator that skipped history logs only `leader ROUND AUTHOR DIGEST` lines. */
    public static final String GAP = "gap";
    private static final int FIELDS = 6;

    private SafetyCheck() {
    }

    /** `logs` maps every honest authority to its committed log. */
    public static SafetyVerdict check(Map<Integer, CommittedLog> logs) {
        Map<Integer, List<String>> sequences = new TreeMap<>();
        Map<Integer, Map<Slot, String>> leaders = new TreeMap<>();
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
            leaders.put(authority, parsed.leaders());
        });
        Optional<String> divergence = firstDivergence(sequences).or(() -> firstLeaderConflict(leaders))
                .or(() -> selfReported.stream().findFirst());
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

    /** The first slot (round and authority) in which two validators committed different leaders, if any. */
    private static Optional<String> firstLeaderConflict(Map<Integer, Map<Slot, String>> leaders) {
        Map<Slot, Map.Entry<Integer, String>> seen = new TreeMap<>();
        Optional<String> conflict = Optional.empty();
        Slot first = null;
        for (Map.Entry<Integer, Map<Slot, String>> log : leaders.entrySet()) {
            for (Map.Entry<Slot, String> leader : log.getValue().entrySet()) {
                Map.Entry<Integer, String> earlier = seen.putIfAbsent(leader.getKey(),
                        Map.entry(log.getKey(), leader.getValue()));
                if (earlier != null && !earlier.getValue().equals(leader.getValue())
                        && (first == null || leader.getKey().compareTo(first) < 0)) {
                    first = leader.getKey();
                    conflict = Optional.of("validators " + earlier.getKey() + " and " + log.getKey()
                            + " committed different leaders in round " + first.round() + " of authority "
                            + first.authority() + ": " + earlier.getValue() + " vs " + leader.getValue());
                }
            }
        }
        return conflict;
    }

    /** A leader slot. */
    private record Slot(long round, int authority) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            return round != other.round ? Long.compare(round, other.round) : Integer.compare(authority, other.authority);
        }
    }

    /**
     * One validator's complete entries and the leader it committed in each slot (its entries' and those after a
     * `gap`), with what made it unreadable or showed it diverging from itself.
     */
    private record ParsedLog(List<String> entries, Map<Slot, String> leaders, Optional<String> unreadable,
                             Optional<String> restartDivergence) {

        static ParsedLog of(int authority, List<String> lines) {
            List<String> normalised = lines.stream().map(String::strip).filter(l -> !l.isEmpty())
                    .map(l -> String.join(" ", l.split("\\s+"))).toList();
            List<String> entries = new ArrayList<>();
            Map<Slot, String> leaders = new TreeMap<>();
            Optional<String> divergence = Optional.empty();
            boolean afterGap = false;
            for (int i = 0; i < normalised.size(); i++) {
                String[] fields = normalised.get(i).split(" ");
                boolean last = i == normalised.size() - 1;
                if (fields[0].equals(RESTART_DIVERGED) && fields.length == FIELDS + 2) {
                    divergence = divergence.or(() -> Optional.of(restartDivergence(authority, entries, fields)));
                } else if (!afterGap && fields.length == FIELDS
                        && fields[0].equals(Integer.toString(entries.size())) && isSlot(fields[1], fields[2])) {
                    entries.add(normalised.get(i));
                    leaders.put(new Slot(Long.parseLong(fields[1]), Integer.parseInt(fields[2])), fields[3]);
                } else if (fields.length == 1 && fields[0].equals(GAP)) {
                    afterGap = true;
                } else if (afterGap && fields.length == 4 && fields[0].equals("leader") && isSlot(fields[1], fields[2])) {
                    leaders.put(new Slot(Long.parseLong(fields[1]), Integer.parseInt(fields[2])), fields[3]);
                } else if (!last || fields.length > FIELDS) {
                    // only the last line may be torn (written when the validator was stopped)
                    return new ParsedLog(entries, leaders, Optional.of("validator " + authority + "'s committed"
                            + " log has a malformed entry after committed index " + (entries.size() - 1) + ": '"
                            + normalised.get(i) + "'"), divergence);
                }
            }
            return new ParsedLog(entries, leaders, Optional.empty(), divergence);
        }

        private static boolean isSlot(String round, String authority) {
            return round.matches("\\d{1,18}") && authority.matches("\\d{1,9}");
        }

        private static String restartDivergence(int authority, List<String> entries, String[] fields) {
            String index = fields[1];
            String recommitted = String.join(" ", List.of(fields).subList(2, fields.length));
            String onDisk = index.matches("\\d{1,9}") && Integer.parseInt(index) < entries.size()
                    ? entries.get(Integer.parseInt(index)) : "?";
            return "validator " + authority + " re-committed index " + index + " differently after a restart: '"
                    + onDisk + "' on disk vs '" + recommitted + "'";
        }
    }
}
