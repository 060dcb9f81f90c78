package starfish.orchestrator.sweep;

import java.util.List;
import java.util.Optional;

/**
 * What a load search found: the baseline run at the start load, the highest load that was sustained (empty when
 * not even the start load was), and every run in the order it ran.
 */
public record SearchResult(LoadPoint baseline, Optional<LoadPoint> highestSustained, List<LoadPoint> runs) {

    public SearchResult {
        runs = List.copyOf(runs);
    }
}
