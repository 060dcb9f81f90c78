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
    RANDOM_DROP("random-drop");

    private final String cliName;

    ByzantineStrategy(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a CLI spelling (`chain-bomb`) or a constant name (`CHAIN_BOMB`). */
    public static ByzantineStrategy fromCliName(String text) {
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
