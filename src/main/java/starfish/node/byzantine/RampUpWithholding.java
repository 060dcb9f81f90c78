package starfish.node.byzantine;

import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import starfish.node.runtime.Clock;

/**
 * `ramp-up-withholding`: a `chain-bomb` whose release is a coin flip that turns certain over three minutes: in each
 * round where the chain could go out, it does with probability (time since start) / 3 min. It starts as a validator
 * that sends nothing and ends as a plain chain bomb.
 */
final class RampUpWithholding implements BooleanSupplier {

    static final long RAMP_NANOS = 180_000_000_000L;

    private final Clock clock;
    private final long startNanos;
    private final RandomGenerator random;

    RampUpWithholding(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.random = random;
    }

    @Override
    public boolean getAsBoolean() {
        return random.nextDouble() < releaseProbability(clock.nanoTime() - startNanos);
    }

    /** 0 at the start, rising linearly to 1 after three minutes, then 1. */
    static double releaseProbability(long elapsedNanos) {
        return Math.max(0, Math.min(1, (double) elapsedNanos / RAMP_NANOS));
    }
}
