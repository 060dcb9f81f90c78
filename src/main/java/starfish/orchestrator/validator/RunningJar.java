package starfish.orchestrator.validator;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The jar this orchestrator runs from, whatever the working directory: `java -jar /opt/starfish.jar benchmark
 * --upload-local-build` uploads that jar. Empty when running from class directories (an IDE, Maven's test phase).
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
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar")
                    ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
