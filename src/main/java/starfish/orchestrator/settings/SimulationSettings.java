package starfish.orchestrator.settings;

import java.time.Duration;
import java.util.Optional;

/**
 * How `cloud_provider: simulated` models the committee's machines: the seed every random choice of a run derives
 * from, the network (the RTT table, or one uniform one-way delay; jitter; the uplink bandwidth of each validator,
 * 0 for unlimited) and the processing cost charged per frame received, per block in it and per KiB of it (all zero:
 * pure protocol latency). Of these the other providers honour only the uniform delay, which their validators add
 * before each message themselves.
 */
public record SimulationSettings(long seed, Optional<Duration> uniformLatency, double jitterPercent, double uplinkMbps,
                                 Duration costPerFrame, Duration costPerBlock, Duration costPerKib) {

    public static final long DEFAULT_SEED = 42;
    public static final SimulationSettings DEFAULTS = new SimulationSettings(DEFAULT_SEED, Optional.empty(), 0, 0,
            Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public SimulationSettings withUniformLatency(Optional<Duration> value) {
        return new SimulationSettings(seed, value, jitterPercent, uplinkMbps, costPerFrame, costPerBlock, costPerKib);
    }

    public SimulationSettings withSeed(long value) {
        return new SimulationSettings(value, uniformLatency, jitterPercent, uplinkMbps, costPerFrame, costPerBlock,
                costPerKib);
    }
}
