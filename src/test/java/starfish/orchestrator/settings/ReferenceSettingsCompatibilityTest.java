package starfish.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings files written for the reference orchestrator, the first version and the newest, load with their meaning. */
class ReferenceSettingsCompatibilityTest {
    private final List<String> warnings = new ArrayList<>();
    private final SettingsLoader loader = new SettingsLoader(Map.of("USER", "alice")::get, warnings::add);

    @Test
    void theFirstReferenceTemplateLoadsAndItsPublicKeyIsThePrivateKeyPlusPub() {
        Settings settings = loader.parse("""
                ---
                testbed_id: "${USER}-starfish"
                cloud_provider: aws
                token_file: "/Users/${USER}/.aws/credentials"
                ssh_private_key_file: "/Users/${USER}/.ssh/aws"
                regions:
                  - us-west-1
                specs: m5d.8xlarge
                repository:
                  url: https://github.com/asonnino/mysticeti.git
                  commit: main
                """, "settings.yml");

        assertThat(settings.testbed().id()).isEqualTo("alice-starfish");
        assertThat(settings.ssh().publicKeyFile()).contains(Path.of("/Users/alice/.ssh/aws.pub"));
        assertThat(settings.locations().repository()).contains(new Repository(
                "https://github.com/asonnino/mysticeti.git", "main"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void vultrWithoutAPublicKeyFileLoadsAndAGivenOneWins() {
        String vultr = "testbed_id: t\ncloud_provider: vultr\ntoken_file: /t\nssh_private_key_file: /k/id\n"
                + "regions: [ewr]\nspecs: vc2\n";
        assertThat(loader.parse(vultr, "s.yml").ssh().publicKeyFile()).contains(Path.of("/k/id.pub"));
        assertThat(loader.parse(vultr + "ssh_public_key_file: /other.pub\n", "s.yml").ssh().publicKeyFile())
                .contains(Path.of("/other.pub"));
    }

    @Test
    void durationsInWholeSecondsAndTheReferenceFaultSpellingsKeepTheirMeaning() {
        Settings seconds = loader.parse("benchmark_duration: 180\nscrape_interval: 15\nssh_timeout: 60\n", "s.yml");
        assertThat(seconds.run().benchmarkDuration()).isEqualTo(Duration.ofSeconds(180));
        assertThat(seconds.monitoring().scrapeInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(seconds.ssh().timeout()).isEqualTo(Duration.ofSeconds(60));

        assertThat(loader.parse("faults: !Permanent {faults: 1}\n", "s.yml").run().faults())
                .isEqualTo(new Faults.Permanent(1));
        assertThat(loader.parse("faults:\n  Permanent:\n    faults: 2\n", "s.yml").run().faults())
                .isEqualTo(new Faults.Permanent(2));
        assertThat(loader.parse("faults: !CrashRecovery {max_faults: 3, interval: {secs: 60, nanos: 0}}\n",
                "s.yml").run().faults()).isEqualTo(new Faults.CrashRecovery(3, Duration.ofSeconds(60)));
        assertThat(loader.parse("faults: {CrashRecovery: {max_faults: 1, interval: {secs: 5, nanos: 500000000}}}\n",
                "s.yml").run().faults()).isEqualTo(new Faults.CrashRecovery(1, Duration.ofMillis(5500)));
        assertThatThrownBy(() -> loader.parse("faults: {CrashRecovery: {max_faults: 1, interval: {minutes: 1}}}\n",
                "s.yml")).isInstanceOf(SettingsException.class).hasMessageContaining("s.yml line 1")
                .hasMessageContaining("secs and nanos");
    }

    @Test
    void aZeroBenchmarkDurationIsAccepted() {
        assertThat(loader.parse("benchmark_duration: 0\n", "s.yml").run().benchmarkDuration()).isZero();
    }

    @Test
    void spotIsABooleanOrAPolicyAndWarnsOffAws() {
        String aws = "testbed_id: t\ncloud_provider: aws\nssh_private_key_file: /k\nregions: [us-east-1]\nspecs: m5d\n";
        assertThat(loader.parse(aws, "s.yml").aws().spot()).isEqualTo(SpotPolicy.ON_DEMAND);
        assertThat(loader.parse(aws + "spot: true\n", "s.yml").aws().spot()).isEqualTo(SpotPolicy.SPOT);
        assertThat(loader.parse(aws + "spot: false\n", "s.yml").aws().spot()).isEqualTo(SpotPolicy.ON_DEMAND);
        assertThat(loader.parse(aws + "spot: mixed\n", "s.yml").aws().spot()).isEqualTo(SpotPolicy.MIXED);
        assertThat(warnings).isEmpty();
        assertThatThrownBy(() -> loader.parse(aws + "spot: cheap\n", "s.yml")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("s.yml line 6").hasMessageContaining("'spot'").hasMessageContaining("mixed");

        loader.parse("cloud_provider: local\nspot: true\n", "local.yml");
        assertThat(warnings).singleElement().asString().contains("local.yml line 2", "'spot'", "only on AWS");
    }

    @Test
    void monitoringServerIsUserAtHostUsedByCloudTestbedsAndRefusedWithAReasonByTestbedsOnThisMachine() {
        String aws = "testbed_id: t\ncloud_provider: aws\nssh_private_key_file: /k\nregions: [us-east-1]\nspecs: m5d\n";
        Settings settings = loader.parse(aws + "monitoring_server: root@monitor.example.com\n"
                + "monitoring_scrape_public_ip: false\n", "s.yml");
        assertThat(settings.monitoring().server()).contains(new MonitoringServer(Optional.of("root"),
                "monitor.example.com"));
        assertThat(settings.monitoring().scrapePublicIp()).contains(false);
        assertThat(warnings).isEmpty();

        loader.parse("monitoring_server: root@monitor.example.com\n", "s.yml");
        assertThat(warnings).singleElement().asString().contains("s.yml line 1", "'monitoring_server'",
                "cloud_provider local has hosts on this machine", "monitoring runs on this machine",
                "root@monitor.example.com is not used");
        warnings.clear();
        loader.parse("cloud_provider: netns\nmonitoring_server: mon\n", "s.yml");
        assertThat(warnings).singleElement().asString().contains("s.yml line 2",
                "monitoring runs on the testbed's first host");
        assertThat(loader.parse("monitoring_server: 10.0.1.50\n", "s.yml").monitoring().server())
                .contains(new MonitoringServer(Optional.empty(), "10.0.1.50"));
        assertThatThrownBy(() -> loader.parse("monitoring_server: root@\n", "s.yml"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'monitoring_server'");
    }

    @Test
    void parametersPathIsAcceptedWithAWarningThatSaysWhy() {
        Settings settings = loader.parse("testbed_id: t\nparameters_path: crates/parameters.yaml\n", "s.yml");
        assertThat(settings.locations().nodeParametersPath()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("s.yml line 2", "'parameters_path'",
                "node_parameters_path");
    }

    @Test
    void aPreBuiltJarOrUrlIsHonouredAndTheReferencesRustBinaryIsIgnoredWithAWarning(@TempDir Path dir)
            throws Exception {
        Path jar = dir.resolve("starfish.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.closeEntry();
        }
        Path rust = Files.write(dir.resolve("starfish"), new byte[] {0x7f, 'E', 'L', 'F'});

        assertThat(loader.parse("pre_built_binary: " + jar + "\n", "s.yml").locations().preBuiltBinary())
                .contains(new PreBuiltBinary.LocalFile(jar));
        String url = "https://github.com/example/releases/download/nightly/starfish.jar";
        assertThat(loader.parse("pre_built_binary: \"" + url + "\"\n", "s.yml").locations().preBuiltBinary())
                .contains(new PreBuiltBinary.Url(url));
        assertThat(warnings).isEmpty();

        assertThat(loader.parse("pre_built_binary: " + rust + "\n", "s.yml").locations().preBuiltBinary()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("'pre_built_binary'", "not a starfish jar");
        assertThatThrownBy(() -> loader.parse("pre_built_binary: " + dir.resolve("nope") + "\n", "s.yml"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("no such file");
    }

    @Test
    void theNewerFieldsAreRenderedForResultsWithTheUrlRedacted() {
        Settings settings = loader.parse("pre_built_binary: https://tok3n@example.com/starfish.jar\n"
                + "monitoring_server: root@mon\nspot: mixed\n", "s.yml");
        assertThat(SettingsRenderer.toMap(settings)).containsEntry("spot", "mixed")
                .containsEntry("monitoring_server", "root@mon")
                .containsEntry("pre_built_binary", "https://***@example.com/starfish.jar");
    }
}
