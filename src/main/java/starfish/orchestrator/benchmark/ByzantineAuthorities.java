package starfish.orchestrator.benchmark;

import java.util.ArrayList;
import java.util.List;

/** Which validators misbehave: those with index i % 3 == 0, the first `byzantineNodes` of them, as the reference picks them. */
public final class ByzantineAuthorities {

    private ByzantineAuthorities() {
    }

    /**
     * Refuses more Byzantine validators than the committee tolerates (f = floor((n-1)/3)) unless `allowUnsafe`:
     * beyond f neither safety nor liveness is guaranteed, so such a run measures nothing the protocol promises.
     */
    public static void requireTolerable(BenchmarkParameters parameters, boolean allowUnsafe) {
        if (parameters.hasByzantine() && parameters.byzantineNodes() > parameters.maxFaulty() && !allowUnsafe) {
            throw new IllegalArgumentException(parameters.byzantineNodes() + " Byzantine nodes exceed what a"
                    + " committee of " + parameters.committee() + " tolerates (f = " + parameters.maxFaulty()
                    + "); lower --byzantine-nodes, grow --committee, or pass --allow-unsafe-byzantine to run it"
                    + " anyway");
        }
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
