package starfish.orchestrator.faults;

import java.util.List;

/** What one tick of a crash schedule does: validators to stop and validators to start again. */
public record FaultStep(List<Integer> crash, List<Integer> restart) {

    public FaultStep {
        crash = List.copyOf(crash);
        restart = List.copyOf(restart);
    }

    static FaultStep none() {
        return new FaultStep(List.of(), List.of());
    }

    public boolean isEmpty() {
        return crash.isEmpty() && restart.isEmpty();
    }
}
