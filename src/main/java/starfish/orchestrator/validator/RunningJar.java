package starfish.orchestrator.validator;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jar this orchestrator runs from, whatever the working directory: `java -jar /opt/starfish.jar benchmark
 * --upload-local-build` uploads that jar. Empty when running from class directories (an IDE, Maven's test phase)
 * or from a jar that `java -jar` cannot start (Maven's integration tests run from the plain artifact jar).
 */
final class RunningJar {

    private RunningJar() {
    }

    static Optional<Path> path() {
        CodeSource source = RunningJar.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return executableJar(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** `location` when it is a jar that `java -jar` can start. */
    static Optional<Path> executableJar(Path location) {
        return Files.isRegularFile(location) && location.toString().endsWith(".jar") && executable(location)
                ? Optional.of(location) : Optional.empty();
    }

    private static boolean executable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Main-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
