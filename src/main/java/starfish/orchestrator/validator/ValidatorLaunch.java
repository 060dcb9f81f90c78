package starfish.orchestrator.validator;

import java.time.Duration;
import java.util.Optional;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * How to start one validator: its index, committee size, protocol, behaviour (HONEST or a Byzantine strategy),
 * its own share of the load in tx/s and whether it mimics geo-distributed latency, or one uniform one-way delay on
 * every link (which wins). How the process is shaped (a JVM or not, its memory, its flags) is the Protocol's business.
 */
public record ValidatorLaunch(
        int authority,
        int committee,
        Consensus consensus,
        ByzantineStrategy behaviour,
        int load,
        boolean mimicExtraLatency,
        Optional<Duration> uniformLatency) {
}
