package starfish.orchestrator.validator;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import starfish.orchestrator.runner.ShellQuoting;

/**
 * How to run `starfish.Main`: from the current classpath locally, from the jar on remote hosts. `java` is the JVM
 * executable, `program` the arguments that name the code (`-cp ... starfish.Main` or `-jar ...`), `classData` the
 * class-data archive of that code, when it has one.
 */
public record JavaLauncher(String java, String program, Optional<ClassDataArchive> classData) {

    public JavaLauncher(String java, String program) {
        this(java, program, Optional.empty());
    }

    /**
     * The JVM and classpath running this orchestrator: works from the jar and under Maven before packaging.
     * Entries become absolute because validators run in their virtual host's directory.
     */
    public static JavaLauncher currentClasspath() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path[] entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .toArray(Path[]::new);
        String classpath = Arrays.stream(entries).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return new JavaLauncher(ShellQuoting.quote(java), "-cp " + ShellQuoting.quote(classpath) + " starfish.Main",
                ClassDataArchive.forClasspath(entries));
    }

    /** The jar that update (or --upload-local-build) placed at `jarPath`, relative to the working directory. */
    public static JavaLauncher jar(String jarPath) {
        return new JavaLauncher("java", "-jar " + ShellQuoting.quote(jarPath));
    }

    /**
     * A short-lived command (genesis): C1 alone compiles what little needs it, C2 would spend more CPU than it saves
     * (with the class-data archive, genesis for 4 took 0.55-0.65 s instead of 1.15-1.3 s).
     */
    public String tool() {
        return join(java, "-XX:TieredStopAtLevel=1", classData(false), program);
    }

    /**
     * A validator with a heap of at most `heapMiB`, backed by transparent huge pages. Measured on the 2-core
     * development VM, where a fresh page costs about 3 ms of kernel CPU per MiB to fault in (the host backs guest
     * memory lazily):
     * <ul>
     * <li>under a `heavyLoad`, the whole heap is reserved and touched at boot: a validator growing its heap during a
     * 100,000 tx/s run spent half the CPU in page faults (p50 72-103 ms pretouched, 3-5 s without);</li>
     * <li>under a light load, only C1 compiles: C2's compilations at boot (about 1 s of CPU per validator, four
     * validators on two cores) cost more than its faster code saves at a few thousand tx/s. Start to the first
     * scrape went from 5.0-6.4 s to 4.0-4.3 s, p50 at 1,000 tx/s from 61 to 59 ms (15 to 8 ms with
     * `idle_round_interval_ms: 2`).</li>
     * </ul>
     * A validator out of memory exits: otherwise its core thread dies and the process lingers, still scraped.
     * `recordsClassData`: this validator records the class-data archive when there is no current one.
     */
    public String validator(int heapMiB, boolean heavyLoad, boolean recordsClassData) {
        String jvm = heavyLoad ? "-Xms" + heapMiB + "m -Xmx" + heapMiB + "m -XX:+AlwaysPreTouch"
                : "-Xmx" + heapMiB + "m -XX:TieredStopAtLevel=1";
        return join(java, jvm, "-XX:+UseTransparentHugePages -XX:+ExitOnOutOfMemoryError",
                classData(recordsClassData), program);
    }

    /** Puts a class-data archive recorded by a validator into place; call after the validators stopped. */
    public void validatorsStopped() {
        classData.ifPresent(ClassDataArchive::publish);
    }

    private String classData(boolean records) {
        return classData.map(archive -> archive.options(records)).orElse("");
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(part -> !part.isEmpty()).collect(Collectors.joining(" "));
    }
}
