package starfish.orchestrator.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    private static final Pattern RECORDING = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+)");

    @TempDir
    Path dir;

    @Test
    void onlyAClasspathOfOneJarHasAnArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("starfish.jar"), "jar");
        Path classes = Files.createDirectory(dir.resolve("classes"));

        assertThat(ClassDataArchive.forClasspath(jar)).isPresent();
        assertThat(ClassDataArchive.forClasspath(classes)).isEmpty();
        assertThat(ClassDataArchive.forClasspath(jar, classes)).isEmpty();
        assertThat(ClassDataArchive.forClasspath(dir.resolve("missing.jar"))).isEmpty();
    }

    @Test
    void withoutAnArchiveOnlyTheRecorderRecordsOneAndItIsUsedOncePublished() throws Exception {
        Path jar = Files.writeString(dir.resolve("starfish.jar"), "jar");
        // the build happened a while before the run that records
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        ClassDataArchive archive = new ClassDataArchive(jar);
        String recorder = archive.options(true);
        assertThat(archive.options(false)).isEmpty();
        Path recording = recordingIn(recorder);
        assertThat(recording).isNotEqualTo(archive.archive());
        assertThat(recording.getParent()).isEqualTo(dir);

        Files.writeString(recording, "classes");
        assertThat(archive.options(true)).as("a recording is not used before it is published").contains("AtExit");
        archive.publish();

        assertThat(archive.archive()).hasContent("classes");
        assertThat(recording).doesNotExist();
        assertThat(archive.options(true)).isEqualTo("-XX:SharedArchiveFile=" + archive.archive());
        assertThat(archive.options(false)).isEqualTo(archive.options(true));
    }

    @Test
    void anArchiveOlderThanTheJarIsRecordedAgain() throws Exception {
        Path jar = Files.writeString(dir.resolve("starfish.jar"), "rebuilt");
        ClassDataArchive archive = new ClassDataArchive(jar);
        Files.writeString(archive.archive(), "classes of the previous build");
        Files.setLastModifiedTime(archive.archive(), FileTime.from(Instant.now().minusSeconds(60)));

        assertThat(archive.options(false)).isEmpty();
        assertThat(archive.options(true)).contains("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void publishingWithoutARecordingKeepsTheArchive() throws Exception {
        ClassDataArchive archive = new ClassDataArchive(Files.writeString(dir.resolve("starfish.jar"), "jar"));
        Files.writeString(archive.archive(), "classes");

        archive.publish();

        assertThat(archive.archive()).hasContent("classes");
    }

    private static Path recordingIn(String options) {
        Matcher matcher = RECORDING.matcher(options);
        assertThat(matcher.find()).as(options).isTrue();
        return Path.of(matcher.group(1));
    }
}
