package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import starfish.orchestrator.runner.ShellQuoting;

/**
 * A complete copy of a testbed's Prometheus data under `directory`: the TSDB snapshot in `snapshot/`, its size and
 * file count, and the span of time its blocks cover (none when Prometheus had stored no sample yet).
 */
public record CollectedMonitoring(Path directory, long bytes, int files, Optional<TimeSpan> span) {

    public static final String SNAPSHOT = "snapshot";
    public static final String CONFIG = "prometheus.yml";

    /** The first and last sample time of the data. */
    public record TimeSpan(Instant from, Instant to) {
    }

    public Path snapshot() {
        return directory.resolve(SNAPSHOT);
    }

    /** The command that opens the copy in a local Prometheus on `listenAddress`, quoted for a shell. */
    public String openCommand(String listenAddress) {
        return openCommand(directory, listenAddress);
    }

    static String openCommand(Path directory, String listenAddress) {
        return ServiceCommandLines.prometheusOverData("prometheus", directory.resolve(CONFIG).toString(),
                directory.resolve(SNAPSHOT).toString(), listenAddress).stream().map(ShellQuoting::quote)
                .collect(Collectors.joining(" "));
    }
}
