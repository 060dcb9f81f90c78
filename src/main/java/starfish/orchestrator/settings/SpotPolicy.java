package starfish.orchestrator.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * How AWS instances are bought (`spot`): on demand, as spot instances (cheaper, may be reclaimed), or mixed (spot
 * first, on demand for what spot capacity cannot give). `spot: true` and `spot: false` mean spot and on demand.
 */
public enum SpotPolicy {
    ON_DEMAND,
    SPOT,
    MIXED;

    /** `on_demand` (or `ondemand`, `false`), `spot` (or `true`), `mixed`; empty for anything else. */
    public static Optional<SpotPolicy> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "on_demand", "ondemand", "on-demand", "false" -> Optional.of(ON_DEMAND);
            case "spot", "true" -> Optional.of(SPOT);
            case "mixed" -> Optional.of(MIXED);
            default -> Optional.empty();
        };
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
