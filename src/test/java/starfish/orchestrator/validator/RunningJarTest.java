package starfish.orchestrator.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningJarTest {

    @TempDir
    Path directory;

    @Test
    void onlyAJarWithAMainClassIsUploadedAsTheRunningBuild() throws IOException {
        Path executable = jar("starfish.jar", "starfish.Main");
        Path library = jar("starfish-benchmarks-1.0.jar", null);

        assertThat(RunningJar.executableJar(executable)).contains(executable);
        assertThat(RunningJar.executableJar(library)).as("Maven's plain artifact jar, without Main-Class").isEmpty();
        assertThat(RunningJar.executableJar(directory)).as("class directories").isEmpty();
    }

    private Path jar(String name, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
