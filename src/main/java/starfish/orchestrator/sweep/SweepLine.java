package starfish.orchestrator.sweep;

import java.util.List;

/** One line of a sweep's graph: a protocol at a committee size, its points in the order they ran. */
public record SweepLine(String protocol, int committee, List<LoadPoint> points) {

    public SweepLine {
        points = List.copyOf(points);
    }

    public String label() {
        return protocol + " n=" + committee;
    }
}
