package starfish.orchestrator.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;
import starfish.simulation.LinkModel;

/**
 * One exploration run, drawn from its seed alone: protocol, committee, up to f Byzantine validators with random
 * strategies, random crashes and restarts of honest validators that never leave more than f validators faulty at
 * once, and random links. Faults happen during the turbulent phase; then every crashed validator restarts and the
 * committee settles.
 */
record ExplorationScenario(long seed, Consensus consensus, int committee, Map<Integer, ByzantineStrategy> byzantine,
                           LinkModel links, List<CrashStep> crashes, Duration turbulent, Duration settle) {

    /** Validator `authority` goes down at `at` and comes back at `until`. */
    record CrashStep(int authority, Duration at, Duration until) {
    }

    private static final Duration TURBULENT = Duration.ofSeconds(4);
    private static final Duration SETTLE = Duration.ofSeconds(6);
    private static final int MIN_COMMITTEE = 4;
    private static final int MAX_COMMITTEE = 7;

    /** `committee`, when given, fixes the committee size; otherwise it is drawn from 4 to 7. */
    static ExplorationScenario random(long seed, Optional<Integer> committee, Optional<Consensus> consensus) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = committee.orElseGet(() -> random.nextInt(MIN_COMMITTEE, MAX_COMMITTEE + 1));
        Consensus protocol = consensus.orElseGet(() -> Consensus.values()[random.nextInt(Consensus.values().length)]);
        int f = (n - 1) / 3;
        List<Integer> order = shuffled(n, random);
        int byzantineCount = random.nextInt(f + 1);
        Map<Integer, ByzantineStrategy> byzantine = new LinkedHashMap<>();
        ByzantineStrategy[] strategies = ByzantineStrategy.values();
        for (int i = 0; i < byzantineCount; i++) {
            byzantine.put(order.get(i), strategies[1 + random.nextInt(strategies.length - 1)]);
        }
        List<CrashStep> crashes = new ArrayList<>();
        int crashable = f - byzantineCount;
        for (int i = 0; i < crashable; i++) {
            int authority = order.get(byzantineCount + i);
            long at = random.nextLong(TURBULENT.toMillis());
            long until = at + random.nextLong(100, TURBULENT.toMillis() - at + 100);
            crashes.add(new CrashStep(authority, Duration.ofMillis(at), Duration.ofMillis(until)));
        }
        Optional<Duration> uniform = random.nextBoolean() ? Optional.empty()
                : Optional.of(Duration.ofMillis(random.nextInt(1, 250)));
        LinkModel links = new LinkModel(uniform, random.nextInt(0, 50));
        return new ExplorationScenario(seed, protocol, n, byzantine, links, crashes, TURBULENT, SETTLE);
    }

    private static List<Integer> shuffled(int n, SplittableRandom random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(i, order.set(j, order.get(i)));
        }
        return order;
    }

    private static final Set<ByzantineStrategy> EQUIVOCATING = EnumSet.of(ByzantineStrategy.EQUIVOCATING_CHAINS,
            ByzantineStrategy.EQUIVOCATING_TWO_CHAINS, ByzantineStrategy.EQUIVOCATING_CHAINS_BOMB);

    /**
     * Why this committee may stop committing without a bug, if it may. An equivocating validator shows each peer
     * its own block, so an honest block that names one is accepted by a peer only after the peer fetched that
     * block from the sender: three one-way delays instead of one. With the bomb, a peer's withheld chain is
     * released as the peer is about to lead, so its leader block names a chain the others lack, which they fetch
     * one block (one round trip) at a time, up to a block per round since its last turn: 1 + 2n delays. Once that
     * many of the slowest link's delays reach the leader timeout, honest voters can time out on an honest leader
     * before they hold its block, and split between votes and blames (blocks that do not reference it); a direct
     * decision needs a quorum of either, and an indirect one a directly committed anchor, so no leader may be
     * decided. The protocol is live only while messages arrive within its timeouts (partial synchrony): such a
     * stall is the rule, not a fault.
     */
    Optional<String> stallAllowedBy(Duration leaderTimeout) {
        return equivocationStall(leaderTimeout).or(this::withheldChainStall);
    }

    /**
     * A `ramp-up-withholding` validator keeps its chain for rounds on end and may release it whole to a leader
     * late in the run; the leader's block then names a chain the others lack, which they fetch one block (one round
     * trip) at a time, as the reference answers a request for missing parents with exactly the blocks asked for.
     * With a round per one-way delay, a chain withheld for t takes up to 2t to fetch: the committee catches up
     * after the settling window rather than within it (seed 902 is live again after 20 settling seconds).
     */
    private Optional<String> withheldChainStall() {
        List<Integer> withholders = byzantine.entrySet().stream()
                .filter(e -> e.getValue() == ByzantineStrategy.RAMP_UP_WITHHOLDING).map(Map.Entry::getKey).sorted()
                .toList();
        if (withholders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("validators " + withholders + " withhold their chain and may release it whole to a"
                + " leader: the others fetch it a round trip per block, so catching up can take twice as long as"
                + " the chain was withheld, longer than the settling window");
    }

    private Optional<String> equivocationStall(Duration leaderTimeout) {
        List<Integer> equivocators = byzantine.entrySet().stream().filter(e -> EQUIVOCATING.contains(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        boolean bomb = byzantine.containsValue(ByzantineStrategy.EQUIVOCATING_CHAINS_BOMB);
        int delays = bomb ? 1 + 2 * committee : 3;
        long worstMs = links.worstOneWayNanos(committee) / 1_000_000;
        if (equivocators.isEmpty() || delays * worstMs < leaderTimeout.toMillis()) {
            return Optional.empty();
        }
        String fetch = bomb ? "a withheld chain is released to a peer as it leads, so the others fetch the up to "
                + committee + " blocks its leader block names, a round trip each"
                : "an honest block naming their blocks is accepted after a fetch round trip";
        return Optional.of("validators " + equivocators + " equivocate: " + fetch + ", " + delays
                + " one-way delays of up to " + worstMs + " ms = " + delays * worstMs + " ms, not within the "
                + leaderTimeout.toMillis() + " ms leader timeout: votes and timeouts split, and neither a quorum of"
                + " votes nor of blames may form");
    }

    Duration end() {
        return turbulent.plus(settle);
    }

    /** One line a person can read: what this seed runs. */
    String describe() {
        String strategies = byzantine.isEmpty() ? "none" : byzantine.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue().cliName()).collect(Collectors.joining(","));
        String crashText = crashes.isEmpty() ? "none" : crashes.stream()
                .sorted(Comparator.comparing(CrashStep::at))
                .map(c -> c.authority() + "@" + c.at().toMillis() + "-" + c.until().toMillis() + "ms")
                .collect(Collectors.joining(","));
        String linkText = links.uniformDelay().map(d -> "uniform " + d.toMillis() + " ms").orElse("RTT table")
                + " ±" + links.jitterPercent() + "%";
        return consensus.cliName() + " n=" + committee + ", byzantine " + strategies + ", crashes " + crashText
                + ", links " + linkText;
    }
}
