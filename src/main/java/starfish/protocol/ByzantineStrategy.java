package starfish.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a Byzantine validator misbehaves (README, "Byzantine validators and crash faults"), each with its command-line
 * spelling.
 */
public enum ByzantineStrategy {
    HONEST("honest"),
    TIMEOUT_LEADER("timeout-leader"),
    LEADER_WITHHOLDING("leader-withholding"),
    CHAIN_BOMB("chain-bomb"),
    EQUIVOCATING_CHAINS("equivocating-chains"),
    EQUIVOCATING_TWO_CHAINS("equivocating-two-chains"),
    EQUIVOCATING_CHAINS_BOMB("equivocating-chains-bomb"),
    RANDOM_DROP("random-drop"),
    CHAIN_BOMB_QUORUM("chain-bomb-quorum"),
    RAMP_UP_WITHHOLDING("ramp-up-withholding");

    /** The reference orchestrator's name for honest behaviour (its default `--byzantine-strategy`). */
    private static final String REFERENCE_HONEST = "timeout";

    private final String cliName;

    ByzantineStrategy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a CLI spelling (`chain-bomb`), a constant name (`CHAIN_BOMB`) or the reference's `timeout` (honest). */
    public static ByzantineStrategy fromCliName(String text) {
        if (REFERENCE_HONEST.equalsIgnoreCase(text)) {
            return HONEST;
        }
        for (ByzantineStrategy s : values()) {
            if (s.cliName.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown Byzantine strategy '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ByzantineStrategy::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
