package starfish.orchestrator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run's id: its start time and a name for its parameters, made unique by creating the run's logs directory. Two
 * runs that start within the same second with the same parameters (simulated runs take less) get `-2`, `-3`, ...,
 * so they never share logs, validator storage or a measurements file.
 */
public final class RunId {
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private RunId() {
    }

    /** Creates `logsRoot/<id>` for a run named `name` starting now and returns the id. */
    public static String claim(Path logsRoot, String name) {
        String base = START_TIME.format(Instant.now()) + "-" + name;
        try {
            Files.createDirectories(logsRoot);
            for (int attempt = 1; ; attempt++) {
                String id = attempt == 1 ? base : base + "-" + attempt;
                try {
                    Files.createDirectory(logsRoot.resolve(id));
                    return id;
                } catch (FileAlreadyExistsException taken) {
                    // another run of the same second and parameters: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run's logs directory under " + logsRoot, e);
        }
    }
}
