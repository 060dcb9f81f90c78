package starfish.orchestrator.faults;

import java.util.ArrayList;
import java.util.List;
import starfish.orchestrator.settings.Faults;

/** The validators a crash fault picks; Byzantine ones are never picked, so that they keep running. */
public final class CrashTargets {

    private CrashTargets() {
    }

    /** The validators `faults` may crash, in the order they are picked. */
    public static List<Integer> of(Faults faults, int committee, List<Integer> byzantine) {
        if (faults instanceof Faults.Outage outage) {
            return outage.authorities().isEmpty()
                    ? spread(committee, byzantine, outage.count() == 0 ? Math.max(1, committee / 3) : outage.count())
                    : named(outage.authorities(), committee, byzantine);
        }
        return order(committee, byzantine);
    }

    /** Honest validators from the highest index down. */
    public static List<Integer> order(int committee, List<Integer> byzantine) {
        List<Integer> targets = new ArrayList<>();
        for (int i = committee - 1; i >= 0; i--) {
            if (!byzantine.contains(i)) {
                targets.add(i);
            }
        }
        return targets;
    }

    /**
     * `count` honest validators spread evenly over the committee, as the reference spreads its outages: every
     * (honest / count)-th honest validator in index order, from the first. Spread rather than adjacent, so that an
     * outage does not take out one region of a geo-distributed committee.
     */
    static List<Integer> spread(int committee, List<Integer> byzantine, int count) {
        List<Integer> honest = new ArrayList<>();
        for (int i = 0; i < committee; i++) {
            if (!byzantine.contains(i)) {
                honest.add(i);
            }
        }
        if (count > honest.size()) {
            throw new IllegalArgumentException("an outage of " + count + " validators needs as many honest ones, but"
                    + " the committee of " + committee + " has " + honest.size());
        }
        int stride = Math.max(1, honest.size() / Math.max(1, count));
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(honest.get(i * stride));
        }
        return picked;
    }

    private static List<Integer> named(List<Integer> authorities, int committee, List<Integer> byzantine) {
        for (int authority : authorities) {
            if (authority < 0 || authority >= committee) {
                throw new IllegalArgumentException("outage authority " + authority + " is not in the committee of "
                        + committee + " (0 to " + (committee - 1) + ")");
            }
            if (byzantine.contains(authority)) {
                throw new IllegalArgumentException("outage authority " + authority + " is Byzantine " + byzantine
                        + "; an outage stops honest validators only");
            }
        }
        return List.copyOf(authorities.stream().distinct().toList());
    }
}
