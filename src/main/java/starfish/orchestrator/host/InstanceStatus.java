package starfish.orchestrator.host;

/** The life-cycle state of a testbed instance as its provider reports it. */
public enum InstanceStatus {
    PENDING, ACTIVE, STOPPED, TERMINATED
}
