package starfish.orchestrator.measurement;

import java.util.Map;

/**
 * What the summary needs besides the scrapes: the transaction size the load generator used, the share of the
 * committee ready at boot, and how many scrapes of each validator went unanswered.
 */
public record RunFacts(int transactionSizeBytes, double readyAtBoot, Map<Integer, Integer> missedScrapes) {
    /** The load generator's default transaction size. */
    public static final int DEFAULT_TRANSACTION_SIZE = 512;
    public static final RunFacts DEFAULTS = new RunFacts(DEFAULT_TRANSACTION_SIZE, 1, Map.of());

    public RunFacts {
        missedScrapes = Map.copyOf(missedScrapes);
    }
}
