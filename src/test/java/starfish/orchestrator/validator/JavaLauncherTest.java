package starfish.orchestrator.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A launcher such as the JUnit console launcher runs with its own jar as the JVM's class path and loads the project
 * through a class loader of its own: the validators must be started with that loader's entries.
 */
class JavaLauncherTest {

    @Test
    void takesTheEntriesOfALaunchersClassLoaderBeforeTheJvmClassPath() throws Exception {
        Path standalone = Path.of("junit-platform-console-standalone.jar").toAbsolutePath();
        List<URL> project = projectEntries();
        try (URLClassLoader launcher = new URLClassLoader(project.toArray(URL[]::new), null)) {
            Path[] entries = JavaLauncher.classpathOf(launcher, standalone.toString());

            assertThat(entries).hasSize(project.size() + 1).endsWith(standalone);
            assertThat(entries[0]).isEqualTo(Path.of(project.get(0).toURI()));
        }
    }

    @Test
    void aValidatorStartedWithThatClassPathFindsStarfishMain() throws Exception {
        try (URLClassLoader launcher = new URLClassLoader(projectEntries().toArray(URL[]::new), null)) {
            String classpath = String.join(File.pathSeparator, Arrays.stream(
                    JavaLauncher.classpathOf(launcher, "junit-platform-console-standalone.jar")).map(Path::toString)
                    .toList());
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, "starfish.Main", "--version").redirectErrorStream(true).start();

            assertThat(java.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("starfish");
            assertThat(java.exitValue()).isZero();
        }
    }

    /** This JVM's class path as a launcher's class loader would hold it. */
    private static List<URL> projectEntries() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(JavaLauncherTest::url).toList();
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
