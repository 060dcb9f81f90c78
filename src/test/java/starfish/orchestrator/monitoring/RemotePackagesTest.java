package starfish.orchestrator.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    void grafanaIsSkippedAndItsHalfWrittenSourceRemovedWhenTheHostCannotReachItsRepository(@TempDir Path dir)
            throws Exception {
        Path sourceList = Files.writeString(Files.createDirectories(dir.resolve("etc/apt/sources.list.d"))
                .resolve("grafana.list"), "deb https://apt.grafana.com stable main\n"); // from an interrupted attempt
        Path bin = fakeCommand(dir, "wget", "exit 4"); // wget's exit code for a network failure

        Shell shell = sh("-c", "PATH=" + bin + ":$PATH; " + grafanaAptSourceUnder(dir));

        assertThat(shell.exitCode()).isNotZero();
        assertThat(shell.stdout()).contains(RemotePackages.GRAFANA_SKIPPED);
        assertThat(sourceList).doesNotExist();
    }

    @Test
    void grafanasRepositoryIsAddedWithItsKeyWhenTheHostReachesIt(@TempDir Path dir) throws Exception {
        Path bin = fakeCommand(dir, "wget", "echo ARMORED-KEY");
        fakeCommand(dir, "gpg", "cat");

        Shell shell = sh("-c", "PATH=" + bin + ":$PATH; " + grafanaAptSourceUnder(dir));

        assertThat(shell.exitCode()).isZero();
        assertThat(shell.stdout()).doesNotContain(RemotePackages.GRAFANA_SKIPPED);
        assertThat(dir.resolve("etc/apt/keyrings/grafana.gpg")).hasContent("ARMORED-KEY");
        assertThat(dir.resolve("etc/apt/sources.list.d/grafana.list")).content()
                .contains("https://apt.grafana.com stable main");
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

    /** The command that adds Grafana's repository, with /etc/apt moved under `root`. */
    private static String grafanaAptSourceUnder(Path root) {
        return RemotePackages.GRAFANA_APT_SOURCE.replace("/etc/apt/", root.resolve("etc/apt") + "/");
    }

    /** A script named `name` in `dir`/bin that runs `body`, ahead of the real one on PATH; returns that bin. */
    private static Path fakeCommand(Path dir, String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve(name), "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwx------"));
        return bin;
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
