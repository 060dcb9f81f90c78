package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A monitoring program that is not installed is reported on the command's output, with how to install it. */
class MissingBinariesTest {

    @Test
    void withoutPrometheusLocalMonitoringIsOffAndSaysHowToInstallIt(@TempDir Path emptyBin) {
        List<String> printed = new ArrayList<>();

        MonitoringHandle monitoring = Monitoring.startLocal(Duration.ofSeconds(1), printed::add, emptyBin.toString(),
                Optional.empty());

        assertThat(monitoring).isInstanceOf(NoMonitoring.class);
        assertThat(printed).singleElement().isEqualTo(MonitoringComponent.PROMETHEUS.missingMessage())
                .asString().contains("sudo apt-get install -y prometheus");
    }

    @Test
    void findsOnlyAnExecutableBinaryOnTheSearchPath(@TempDir Path dir) throws Exception {
        Path notExecutable = Files.createDirectories(dir.resolve("first"));
        Files.createFile(notExecutable.resolve("prometheus"));
        Path executable = Files.createDirectories(dir.resolve("second"));
        Path binary = Files.createFile(executable.resolve("prometheus"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        assertThat(MonitoringComponent.PROMETHEUS.findOn(notExecutable + File.pathSeparator + executable))
                .contains(binary);
        assertThat(MonitoringComponent.PROMETHEUS.findOn(notExecutable.toString())).isEmpty();
    }
}
