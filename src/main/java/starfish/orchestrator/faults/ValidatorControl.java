package starfish.orchestrator.faults;

/** How crash faults act on the testbed: stop a validator's process, start it again on the same storage. */
public interface ValidatorControl {

    void crash(int authority);

    void restart(int authority);
}
