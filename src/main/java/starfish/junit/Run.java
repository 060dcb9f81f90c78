package starfish.junit;

import java.time.Duration;
import starfish.orchestrator.benchmark.BenchmarkParameters;
import starfish.orchestrator.settings.DurationText;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/**
 * One benchmark run for {@link Benchmarks#run(Run)}:
 * {@code Run.of(MYSTICETI).committee(4).load(300).mimicLatency().duration("20s")}. Defaults: committee 4,
 * 1,000 tx/s, no Byzantine validator, no mimicked latency, 60 s.
 */
public final class Run {
    private final BenchmarkParameters.Builder builder;

    private Run(Consensus consensus) {
        this.builder = BenchmarkParameters.builder().consensus(consensus);
    }

    public static Run of(Consensus consensus) {
        return new Run(consensus);
    }

    /** Validators in the committee. */
    public Run committee(int validators) {
        builder.committee(validators);
        return this;
    }

    /** Offered load in transactions per second, for the whole committee. */
    public Run load(int txPerSecond) {
        builder.load(txPerSecond);
        return this;
    }

    public Run byzantine(int nodes, ByzantineStrategy strategy) {
        builder.byzantine(nodes, strategy);
        return this;
    }

    /** Validators add the latency of a geo-distributed deployment to their messages. */
    public Run mimicLatency() {
        builder.mimicExtraLatency(true);
        return this;
    }

    /** How long the run measures; capped by {@code -Dbenchmark.duration}. */
    public Run duration(Duration duration) {
        builder.duration(duration);
        return this;
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}. */
    public Run duration(String duration) {
        return duration(DurationText.parse(duration));
    }

    BenchmarkParameters parameters() {
        return builder.build();
    }
}
