package starfish.orchestrator.benchmark;

/** How a run treats the testbed, as opposed to what it measures (BenchmarkParameters). */
public record RunOptions(
        boolean skipTestbedUpdate,
        boolean skipTestbedConfiguration,
        boolean useInternalIpAddresses,
        boolean uploadLocalBuild) {

    public static RunOptions defaults() {
        return new RunOptions(false, false, false, false);
    }
}
