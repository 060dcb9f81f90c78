package starfish.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The consensus protocols the validator implements, each with its command-line spelling. */
public enum Consensus {
    MYSTICETI("mysticeti"),
    STARFISH("starfish"),
    STARFISH_PULL("starfish-pull"),
    CORDIAL_MINERS("cordial-miners");

    private final String cliName;

    Consensus(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a CLI spelling (`starfish-pull`) or a constant name (`STARFISH_PULL`). */
    public static Consensus fromCliName(String text) {
        for (Consensus c : values()) {
            if (c.cliName.equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown consensus protocol '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Consensus::cliName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
