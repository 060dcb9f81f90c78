package starfish.orchestrator.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Which validators misbehave: those with index i % 3 == 0, the first `byzantineNodes` of them (PROTOCOLS.md). */
public final class ByzantineAuthorities {

    private ByzantineAuthorities() {
    }

    public static List<Integer> of(BenchmarkParameters parameters) {
        if (!parameters.hasByzantine()) {
            return List.of();
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < parameters.committee() && chosen.size() < parameters.byzantineNodes(); i += 3) {
            chosen.add(i);
        }
        if (chosen.size() < parameters.byzantineNodes()) {
            throw new IllegalArgumentException("a committee of " + parameters.committee() + " has only "
                    + chosen.size() + " validators with index divisible by 3, but " + parameters.byzantineNodes()
                    + " Byzantine nodes were asked for; lower --byzantine-nodes or grow --committee");
        }
        return List.copyOf(chosen);
    }
}
