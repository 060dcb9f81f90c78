package starfish.orchestrator.testbed;

/**
 * How a testbed's hosts differ from one another's, declared once by each provider: the benchmark flow, monitoring
 * and the CLI read this value, never a provider's name.
 *
 * @param runOrchestratorBuild hosts run the very code of this orchestrator's JVM: nothing to install or build on them
 * @param shareFileSystem      hosts see this machine's files: a file is written once on one host and copied to the
 *                             others (genesis) instead of being computed on every host
 * @param shareMemory          validators divide this machine's memory between them
 * @param sharePortSpace       hosts share this machine's ports: a free port range is chosen for each run
 * @param installPackages      hosts install the monitoring packages they lack (on hosts sharing this machine's
 *                             packages, they are installed already or not at all)
 * @param reserveMonitoringHost one host runs monitoring (and `dedicated_clients` hosts stay idle) rather than a
 *                             validator; without it, monitoring runs on this machine
 * @param deployTopsUp         `deploy(n)` brings each region to n hosts rather than adding n
 * @param disposable           hosts cost nothing: a benchmark command creates its own and removes them afterwards
 */
public record HostTraits(
        boolean runOrchestratorBuild,
        boolean shareFileSystem,
        boolean shareMemory,
        boolean sharePortSpace,
        boolean installPackages,
        boolean reserveMonitoringHost,
        boolean deployTopsUp,
        boolean disposable) {

    /** Virtual hosts on this machine's loopback, each a working directory. */
    public static final HostTraits LOOPBACK = new HostTraits(true, true, true, true, false, false, false, true);

    /** Network namespaces on this machine: their own addresses and sshd, this machine's files and memory. */
    public static final HostTraits NAMESPACES = new HostTraits(false, true, true, false, false, true, true, false);

    /** Rented machines, each with its own everything. */
    public static final HostTraits CLOUD = new HostTraits(false, false, false, false, true, true, false, false);

    /** The `--instances` count (per region) of the deploy that brings `active` hosts up to `needed` in all. */
    public int deployPerRegion(int needed, long active, int regions) {
        long toDeploy = deployTopsUp ? needed : needed - active;
        int regionCount = Math.max(1, regions);
        return (int) ((toDeploy + regionCount - 1) / regionCount);
    }
}
