package starfish.orchestrator.measurement;

/**
 * What a run cost its honest validators, each figure across validators (see ValidatorFigures for the definitions).
 *
 * @param headerSizeP50Bytes  median encoded size of the blocks they proposed, without transaction data
 * @param readyAtBoot         share of the committee that answered the readiness check at boot
 * @param metricsCoverage     share of all scrapes of them that answered
 */
public record Resources(
        Spread cpuCores,
        Spread residentMemoryBytes,
        Spread heapAfterGcBytes,
        Spread storageBytesPerRound,
        Spread bytesSentPerRound,
        double headerSizeP50Bytes,
        double readyAtBoot,
        double metricsCoverage) {

    public static Resources empty() {
        return new Resources(Spread.empty(), Spread.empty(), Spread.empty(), Spread.empty(), Spread.empty(), 0, 0, 0);
    }
}
