package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shell the remote hosts run: it must parse, and find binaries by any of their names. */
class RemotePackagesTest {

    @ParameterizedTest
    @EnumSource(MonitoringComponent.class)
    void installCommandIsValidShell(MonitoringComponent component) throws Exception {
        String command = RemotePackages.install(component);

        assertThat(sh("-n", "-c", command).exitCode()).as(command).isZero();
        assertThat(command).contains("apt-get install -y -q " + component.debianPackage())
                .contains("systemctl disable --now " + component.systemdService());
    }

    @Test
    void onlyGrafanaAddsAnAptRepository() {
        assertThat(RemotePackages.install(MonitoringComponent.GRAFANA)).contains("apt.grafana.com");
        assertThat(RemotePackages.install(MonitoringComponent.PROMETHEUS)).doesNotContain("apt.grafana.com");
    }

    @Test
    void locateFindsTheUpstreamNameWhenDebiansIsAbsent(@TempDir Path bin) throws Exception {
        Path upstream = Files.createFile(bin.resolve("node_exporter"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        Shell found = sh("-c", "PATH=" + bin + " ; " + MonitoringComponent.NODE_EXPORTER.locateCommand());
        Shell missing = sh("-c", "PATH=" + bin + " ; " + MonitoringComponent.GRAFANA.locateCommand());

        assertThat(found.stdout().strip()).isEqualTo(upstream.toString());
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.exitCode()).isZero();
    }

    private record Shell(int exitCode, String stdout) {
    }

    private static Shell sh(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
        return new Shell(process.exitValue(), stdout);
    }
}
