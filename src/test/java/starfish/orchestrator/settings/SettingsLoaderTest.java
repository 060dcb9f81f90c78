package starfish.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    private final SettingsLoader loader = new SettingsLoader(Map.of("VULTR_TOKEN_FILE", "/secrets/vultr.token",
            "COMMIT", "main")::get);

    @Test
    void readsEveryFieldWithHumanDurationsAndFaults() {
        Settings settings = loader.parse("""
                testbed_id: alice-bench
                cloud_provider: aws
                ssh_private_key_file: /home/alice/.ssh/id_ed25519
                ssh_public_key_file: /home/alice/.ssh/id_ed25519.pub
                regions: [us-east-1, eu-west-1]
                specs: m5d.4xlarge
                repository:
                  url: https://github.com/example/starfish.git
                  commit: ${COMMIT}
                benchmark_duration: 2m
                scrape_interval: 500ms
                faults: {type: crash-recovery, max_faults: 2, interval: 60s}
                max_instances: 12
                aws_endpoint_url: http://127.0.0.1:4566
                """, "settings.yml");

        assertThat(settings.testbed().id()).isEqualTo("alice-bench");
        assertThat(settings.testbed().cloudProvider()).isEqualTo(CloudProvider.AWS);
        assertThat(settings.testbed().regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(settings.locations().repository()).contains(new Repository("https://github.com/example/starfish.git", "main"));
        assertThat(settings.run().benchmarkDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.monitoring().scrapeInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.run().faults()).isEqualTo(new Faults.CrashRecovery(2, Duration.ofSeconds(60)));
        assertThat(settings.testbed().maxInstances()).isEqualTo(12);
        assertThat(settings.aws().endpointUrl()).contains("http://127.0.0.1:4566");
        assertThat(settings.ssh().timeout()).isEqualTo(Settings.defaults().ssh().timeout());
    }

    @Test
    void crashFaultsKillByDefaultAndStopGracefullyOnlyWhenAsked() {
        assertThat(loader.parse("faults: {type: permanent, faults: 1}\n", "s.yml").run().faults().stop())
                .isEqualTo(CrashStop.KILL);
        assertThat(loader.parse("faults: {type: crash-recovery, max_faults: 1, interval: 9s, stop: graceful}\n",
                "s.yml").run().faults()).isEqualTo(new Faults.CrashRecovery(1, Duration.ofSeconds(9), CrashStop.GRACEFUL));
        assertThatThrownBy(() -> loader.parse("faults: {type: permanent, faults: 1, stop: sigterm}\n", "s.yml"))
                .hasMessageContaining("s.yml").hasMessageContaining("'faults.stop'")
                .hasMessageContaining("write kill or graceful");
    }

    @Test
    void localNeedsNothingAndAnAbsentFileMeansLocalDefaults(@TempDir Path dir) {
        assertThat(loader.parse("cloud_provider: local\n", "s.yml")).isEqualTo(Settings.defaults());
        assertThat(loader.loadOrDefaults(dir.resolve("settings.yml"))).isEqualTo(Settings.defaults());
    }

    @Test
    void substitutesEnvironmentVariables() {
        Settings settings = loader.parse("""
                cloud_provider: vultr
                testbed_id: t
                regions: [ewr]
                specs: vc2-1c-1gb
                token_file: ${VULTR_TOKEN_FILE}
                ssh_private_key_file: k
                ssh_public_key_file: k.pub
                faults: {type: permanent, faults: 1}
                """, "settings.yml");

        assertThat(settings.testbed().tokenFile()).contains(Path.of("/secrets/vultr.token"));
        assertThat(settings.run().faults()).isEqualTo(new Faults.Permanent(1));
    }

    @Test
    void vultrVpcIsOffUnlessTurnedOnAndIsTrueOrFalse() {
        String vultr = """
                cloud_provider: vultr
                testbed_id: t
                regions: [ewr]
                specs: vc2-1c-1gb
                token_file: t
                ssh_private_key_file: k
                ssh_public_key_file: k.pub
                """;

        assertThat(loader.parse(vultr, "s.yml").vultr().vpc()).isFalse();
        assertThat(loader.parse(vultr + "vultr_vpc: true\n", "s.yml").vultr().vpc()).isTrue();
        assertThatThrownBy(() -> loader.parse(vultr + "vultr_vpc: sometimes\n", "s.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("s.yml line 8").hasMessageContaining("'vultr_vpc'");
    }

    @Test
    void commentsAreNotSubstituted() {
        assertThat(loader.parse("# write ${ANYTHING} here\nspecs: 'a # ${COMMIT}' # ${NOT_SET}\n", "s.yml").testbed().specs())
                .isEqualTo("a # main");
    }

    @Test
    void unresolvedVariableNamesItTheFileAndTheLine() {
        assertThatThrownBy(() -> loader.parse("testbed_id: a\ntoken_file: ${MISSING_TOKEN}\n", "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 2").hasMessageContaining("MISSING_TOKEN");
    }

    @Test
    void aTestbedIdThatIsNotOneSafeNameIsRefusedForEveryProvider() {
        for (String provider : List.of("local", "simulated", "netns")) {
            assertThatThrownBy(() -> loader.parse("cloud_provider: " + provider + "\ntestbed_id: ../../etc\n", "bench.yml"))
                    .isInstanceOf(SettingsException.class).hasMessageContaining("bench.yml line 2")
                    .hasMessageContaining("field 'testbed_id': '../../etc' must be 1 to 40 letters");
        }
        assertThatThrownBy(() -> loader.parse("testbed_id: 'a b'\n", "bench.yml")).hasMessageContaining("'testbed_id'");
        assertThat(loader.parse("testbed_id: alice_bench-2\n", "bench.yml").testbed().id()).isEqualTo("alice_bench-2");
    }

    @Test
    void unknownFieldNamesTheFileTheLineAndTheField() {
        assertThatThrownBy(() -> loader.parse("testbed_id: a\nscrape_intervall: 5s\n", "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 2").hasMessageContaining("'scrape_intervall'")
                .hasMessageContaining("scrape_interval");
    }

    @Test
    void unknownNestedFieldNamesItsParent() {
        assertThatThrownBy(() -> loader.parse("repository:\n  url: u\n  branch: b\n", "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 3").hasMessageContaining("'branch' in 'repository'");
    }

    @Test
    void wrongTypeNamesTheFileTheLineAndTheField() {
        assertThatThrownBy(() -> loader.parse("testbed_id: a\n\nmax_instances: lots\n", "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 3").hasMessageContaining("'max_instances'")
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> loader.parse("regions: {a: b}\n", "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 1").hasMessageContaining("'regions'");
    }

    @Test
    void badDurationAndBadProviderNameTheField() {
        assertThatThrownBy(() -> loader.parse("benchmark_duration: soon\n", "bench.yml"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("bench.yml line 1")
                .hasMessageContaining("'benchmark_duration'").hasMessageContaining("30s");
        assertThatThrownBy(() -> loader.parse("cloud_provider: gcp\n", "bench.yml"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'cloud_provider'")
                .hasMessageContaining("local, netns, aws, vultr");
    }

    @Test
    void missingRequiredFieldNamesTheFieldAndTheProviderLine() {
        assertThatThrownBy(() -> loader.parse("testbed_id: a\ncloud_provider: vultr\nregions: [ewr]\nspecs: s\n",
                "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 2").hasMessageContaining("'token_file' is missing")
                .hasMessageContaining("vultr");
    }

    @Test
    void blankRequiredFieldNamesTheFieldAndItsLine() {
        assertThatThrownBy(() -> loader.parse("testbed_id: a\ncloud_provider: aws\nregions: [us-east-1]\nspecs: ''\n"
                + "ssh_private_key_file: k\nssh_public_key_file: k.pub\n", "bench.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("bench.yml line 4").hasMessageContaining("'specs' is empty")
                .hasMessageContaining("aws");
    }

    @Test
    void unreadableFileSaysWhatToDo(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.yml")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("nope.yml")
                .hasMessageContaining("--settings-path");
    }

    @Test
    void readsAFileFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("settings.yml"), "regions: [local]\nlogs_dir: my-logs\n");

        Settings settings = loader.load(file);

        assertThat(settings.locations().logsDir()).isEqualTo(Path.of("my-logs"));
        assertThat(settings.testbed().regions()).isEqualTo(List.of("local"));
        assertThat(settings.testbed().tokenFile()).isEqualTo(Optional.empty());
    }

    @Test
    void aParameterFileThatDoesNotExistIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Path nodeParameters = Files.writeString(dir.resolve("node.yml"), "gc_depth_rounds: 1000\n");

        Settings settings = loader.parse("node_parameters_path: " + nodeParameters + "\n", "settings.yml");
        assertThat(settings.locations().nodeParametersPath()).contains(nodeParameters);

        assertThatThrownBy(() -> loader.parse("testbed_id: lab\nclient_parameters_path: " + dir.resolve("nope.yml")
                + "\n", "settings.yml"))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("settings.yml line 2")
                .hasMessageContaining("client_parameters_path")
                .hasMessageContaining("no such file " + dir.resolve("nope.yml"));
    }
}
