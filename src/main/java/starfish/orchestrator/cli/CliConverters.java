package starfish.orchestrator.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import starfish.orchestrator.settings.DurationText;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;

/** Command-line spellings (`starfish-pull`, `chain-bomb`, `30s`) for option values. */
final class CliConverters {

    private CliConverters() {
    }

    static final class ConsensusConverter implements ITypeConverter<Consensus> {
        @Override
        public Consensus convert(String value) {
            return Consensus.fromCliName(value);
        }
    }

    static final class StrategyConverter implements ITypeConverter<ByzantineStrategy> {
        @Override
        public ByzantineStrategy convert(String value) {
            return ByzantineStrategy.fromCliName(value);
        }
    }

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationText.parse(value);
        }
    }
}
