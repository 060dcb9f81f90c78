package starfish.orchestrator.protocol;

import java.nio.file.Path;

/** The command prefix that runs `starfish.Main`: from the current classpath locally, from the jar on remote hosts. */
public record JavaLauncher(String prefix) {
    private static final String HEAP = "-Xmx1g";

    /** The JVM and classpath running this orchestrator: works from the jar and under Maven before packaging. */
    public static JavaLauncher currentClasspath() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new JavaLauncher(ShellQuoting.quote(java) + " " + HEAP + " -cp "
                + ShellQuoting.quote(System.getProperty("java.class.path")) + " starfish.Main");
    }

    /** The jar that update (or --upload-local-build) placed at `jarPath`, relative to the working directory. */
    public static JavaLauncher jar(String jarPath) {
        return new JavaLauncher("java " + HEAP + " -jar " + ShellQuoting.quote(jarPath));
    }
}
