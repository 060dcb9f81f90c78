package starfish.orchestrator.protocol;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The command prefix that runs `starfish.Main`: from the current classpath locally, from the jar on remote hosts. */
public record JavaLauncher(String prefix) {
    private static final String HEAP = "-Xmx1g";

    /**
     * The JVM and classpath running this orchestrator: works from the jar and under Maven before packaging.
     * Entries become absolute because validators run in their virtual host's directory.
     */
    public static JavaLauncher currentClasspath() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return new JavaLauncher(ShellQuoting.quote(java) + " " + HEAP + " -cp " + ShellQuoting.quote(classpath)
                + " starfish.Main");
    }

    /** The jar that update (or --upload-local-build) placed at `jarPath`, relative to the working directory. */
    public static JavaLauncher jar(String jarPath) {
        return new JavaLauncher("java " + HEAP + " -jar " + ShellQuoting.quote(jarPath));
    }
}
