package starfish.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import starfish.junit.history.RunHistory;
import starfish.orchestrator.settings.DurationText;

/**
 * The switches a user gives on the command line ({@code -Dtestbed.settings=PATH}, {@code -Dbenchmark.duration=20s},
 * {@code -Dtestbed.keep=true}, {@code -Dbenchmark.history=DIR}). Read as JUnit configuration parameters, which fall
 * back to system properties.
 */
record BenchmarkProperties(Optional<Path> settingsFile, Optional<Duration> durationCap, boolean keepTestbed,
        Path historyDirectory) {
    static final String SETTINGS = "testbed.settings";
    static final String HISTORY = "benchmark.history";
    static final String DURATION = "benchmark.duration";
    static final String KEEP = "testbed.keep";

    static BenchmarkProperties of(ExtensionContext context) {
        Optional<Path> settings = context.getConfigurationParameter(SETTINGS).filter(s -> !s.isBlank()).map(Path::of);
        Optional<Duration> cap = context.getConfigurationParameter(DURATION).filter(s -> !s.isBlank())
                .map(BenchmarkProperties::duration);
        boolean keep = context.getConfigurationParameter(KEEP).map(Boolean::parseBoolean).orElse(false);
        Path history = Path.of(context.getConfigurationParameter(HISTORY).filter(s -> !s.isBlank())
                .orElse(RunHistory.DEFAULT_DIRECTORY));
        return new BenchmarkProperties(settings, cap, keep, history);
    }

    private static Duration duration(String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("-D" + DURATION + ": " + e.getMessage(), e);
        }
    }
}
