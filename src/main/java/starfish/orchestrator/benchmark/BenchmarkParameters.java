package starfish.orchestrator.benchmark;

import java.time.Duration;
import java.util.Locale;
import starfish.orchestrator.settings.DurationText;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** What one benchmark run measures: protocol, committee, offered load (tx/s in total), attack and duration. */
public record BenchmarkParameters(
        Consensus consensus,
        int committee,
        int load,
        int byzantineNodes,
        ByzantineStrategy byzantineStrategy,
        boolean mimicExtraLatency,
        Duration duration) {

    public BenchmarkParameters {
        if (committee < 1) {
            throw new IllegalArgumentException("committee must be at least 1, was " + committee);
        }
        if (load < 0) {
            throw new IllegalArgumentException("load must not be negative, was " + load);
        }
        if (byzantineNodes < 0 || byzantineNodes > committee) {
            throw new IllegalArgumentException("byzantine nodes must be between 0 and the committee size ("
                    + committee + "), was " + byzantineNodes);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative (0: until stopped), was " + duration);
        }
    }

    /** A run of duration zero goes on until it is stopped (Ctrl-C on the command line). */
    public boolean untilStopped() {
        return duration.isZero();
    }

    /** The largest number of faulty validators the committee tolerates: f = floor((n-1)/3). */
    public int maxFaulty() {
        return (committee - 1) / 3;
    }

    public boolean hasByzantine() {
        return byzantineNodes > 0 && byzantineStrategy != ByzantineStrategy.HONEST;
    }

    /** `starfish · n=10 · 1000 tx/s · chain-bomb x1` (the attack part only when there is one). */
    public String displayName() {
        String name = consensus.cliName() + " · n=" + committee + " · " + load + " tx/s";
        if (hasByzantine()) {
            name += " · " + byzantineStrategy.cliName() + " x" + byzantineNodes;
        }
        return mimicExtraLatency ? name + " · geo" : name;
    }

    /** A file-name-safe identity used in the measurements file name. */
    public String slug() {
        String slug = String.format(Locale.ROOT, "%s-%d-%d-%s-%d-%s-%s", consensus.cliName(), committee, load,
                byzantineStrategy.cliName(), byzantineNodes, mimicExtraLatency ? "geo" : "nogeo",
                DurationText.format(duration));
        return slug;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().consensus(consensus).committee(committee).load(load)
                .byzantine(byzantineNodes, byzantineStrategy).mimicExtraLatency(mimicExtraLatency).duration(duration);
    }

    /** Defaults: mysticeti, 4 validators, 1000 tx/s, honest, no mimicked latency, 60 s. */
    public static final class Builder {
        private Consensus consensus = Consensus.MYSTICETI;
        private int committee = 4;
        private int load = 1_000;
        private int byzantineNodes;
        private ByzantineStrategy byzantineStrategy = ByzantineStrategy.HONEST;
        private boolean mimicExtraLatency;
        private Duration duration = Duration.ofSeconds(60);

        public Builder consensus(Consensus value) {
            consensus = value;
            return this;
        }

        public Builder committee(int value) {
            committee = value;
            return this;
        }

        public Builder load(int value) {
            load = value;
            return this;
        }

        public Builder byzantine(int nodes, ByzantineStrategy strategy) {
            byzantineNodes = nodes;
            byzantineStrategy = strategy;
            return this;
        }

        public Builder mimicExtraLatency(boolean value) {
            mimicExtraLatency = value;
            return this;
        }

        public Builder duration(Duration value) {
            duration = value;
            return this;
        }

        public BenchmarkParameters build() {
            return new BenchmarkParameters(consensus, committee, load, byzantineNodes, byzantineStrategy,
                    mimicExtraLatency, duration);
        }
    }
}
