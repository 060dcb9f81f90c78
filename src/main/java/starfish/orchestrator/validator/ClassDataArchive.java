package starfish.orchestrator.validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.runner.ShellQuoting;

/**
 * An application class-data-sharing archive of the jar that runs validators (JDK 17 dynamic CDS), kept beside it as
 * `<jar>.jsa`. Validators and the genesis tool map the jar's classes from it instead of parsing and verifying them:
 * that takes a third of a validator's boot CPU, which four validators sharing two cores pay in turn.
 *
 * <p>Made on first use: while there is no current archive, one validator records its classes when it exits, into a
 * file of this orchestrator's own, and {@link #publish()} moves it into place once that validator stopped (no other
 * run sees a half-written archive). An archive older than the jar is stale (the jar was rebuilt): it is recorded
 * again. The JVM also checks the archive against the jar itself and, when they do not match, runs without it.
 */
public final class ClassDataArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private static final String SUFFIX = ".jsa";

    private final Path jar;
    private final Path archive;
    private final Path recording;

    ClassDataArchive(Path jar) {
        this.jar = jar;
        this.archive = jar.resolveSibling(jar.getFileName() + SUFFIX);
        this.recording = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid() + SUFFIX + ".part");
    }

    /** The archive for a classpath that is a single jar; none for class directories (Maven's test runs). */
    static Optional<ClassDataArchive> forClasspath(Path... entries) {
        if (entries.length != 1 || !entries[0].getFileName().toString().endsWith(".jar")
                || !Files.isRegularFile(entries[0])) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(entries[0]));
    }

    /**
     * JVM options for the next launch: the archive when it is current; otherwise recording one when `records` (one
     * JVM per run is enough, and several would write the same file), else none.
     */
    String options(boolean records) {
        if (isCurrent()) {
            return "-XX:SharedArchiveFile=" + ShellQuoting.quote(archive.toString());
        }
        // the JVM warns about every class it cannot archive (picocli's are older than Java 6): noise in the log
        return records ? "-XX:ArchiveClassesAtExit=" + ShellQuoting.quote(recording.toString()) + " -Xlog:cds=off"
                : "";
    }

    /** Moves a finished recording into place; call only after the recording JVM exited. */
    void publish() {
        if (!Files.isRegularFile(recording)) {
            return;
        }
        try {
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // without the archive validators only boot slower
            LOG.warn("cannot move {} to {}: {}", recording, archive, e.getMessage());
        }
    }

    Path archive() {
        return archive;
    }

    private boolean isCurrent() {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
