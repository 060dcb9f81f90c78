package starfish.orchestrator.measurement;

/**
 * One honest validator's figures over its measurement window (a validator that restarted adds up its lives). A figure
 * the validator does not expose (the process figures of simulated validators, which share one JVM) is null.
 *
 * @param measuredSeconds       the length of its windows (without the time it was down)
 * @param tps                   transactions it sequenced per second
 * @param blocksPerSecond       blocks it committed per second
 * @param bytesSentPerSecond    bytes it sent to peers per second
 * @param cpuCores              CPU seconds its process used per second
 * @param residentMemoryBytes   its process's resident set at its last scrape
 * @param heapAfterGcBytes      heap in use after the last collection, at its last scrape
 * @param roundsPerSecond       rounds it proposed per second (a round lasts a message delay plus processing)
 * @param storageBytesPerRound  growth of its write-ahead log per round it proposed
 * @param bytesSentPerRound     bytes it sent per round it proposed
 * @param scrapeCoverage        share of the scrapes of it that answered
 */
public record ValidatorFigures(
        int authority,
        double windowStartSeconds,
        double windowEndSeconds,
        double measuredSeconds,
        double tps,
        double blocksPerSecond,
        double bytesSentPerSecond,
        Double cpuCores,
        Double residentMemoryBytes,
        Double heapAfterGcBytes,
        Double roundsPerSecond,
        Double storageBytesPerRound,
        Double bytesSentPerRound,
        double scrapeCoverage) {
}
