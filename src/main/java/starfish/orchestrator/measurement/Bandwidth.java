package starfish.orchestrator.measurement;

/**
 * Bytes honest validators sent to their peers. Efficiency is bytes sent per byte of sequenced transactions (bytes sent
 * per second / (TPS x transaction size)): per validator, as the reference orchestrator reports it, and for the whole
 * committee (how many times each transaction crossed the wire in all).
 */
public record Bandwidth(
        double totalBytesPerSecond,
        Spread perValidatorBytesPerSecond,
        Spread efficiencyPerValidator,
        double efficiencyCommittee) {

    public static Bandwidth empty() {
        return new Bandwidth(0, Spread.empty(), Spread.empty(), 0);
    }
}
