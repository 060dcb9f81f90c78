package starfish.orchestrator.measurement;

/** A crash fault applied during a run: `authority` was stopped or restarted `elapsedSeconds` into the measurement. */
public record FaultEvent(double elapsedSeconds, int authority, Kind kind) {

    public enum Kind { CRASHED, RESTARTED }
}
