package starfish.orchestrator.benchmark;

/** The steps of one benchmark run, in order. */
public enum BenchmarkPhase {
    CLEANUP, INSTALL, UPDATE, CONFIGURE, BOOT, MEASURE, STOP
}
