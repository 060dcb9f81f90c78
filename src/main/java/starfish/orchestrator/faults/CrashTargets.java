package starfish.orchestrator.faults;

import java.util.ArrayList;
import java.util.List;

/** The validators a crash fault picks: honest ones first from the highest index down, so Byzantine ones keep running. */
public final class CrashTargets {

    private CrashTargets() {
    }

    public static List<Integer> order(int committee, List<Integer> byzantine) {
        List<Integer> targets = new ArrayList<>();
        for (int i = committee - 1; i >= 0; i--) {
            if (!byzantine.contains(i)) {
                targets.add(i);
            }
        }
        return targets;
    }
}
