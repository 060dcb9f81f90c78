package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.orchestrator.validator.StarfishProtocol;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.settings.Repository;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.settings.SettingsLoader;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.testbed.TestbedProvider;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.ValidatorMetric;

/** The checks the flow makes before it starts anything, and the steps each RunOptions flag keeps or skips. */
class OrchestratorTest {
    private static final Repository REPOSITORY = new Repository("https://example.org/starfish.git", "main");
    private static final List<String> UPDATE = StarfishProtocol.on(HostTraits.CLOUD)
            .updateCommands(REPOSITORY);

    @TempDir
    Path dir;

    @Test
    void aRemoteTestbedWithTooFewActiveInstancesSaysWhatTheCommitteeNeedsAndHowToGetIt() {
        Instance stopped = new Instance("i-2", "us-east-1", "198.18.0.2", "10.0.0.2", InstanceStatus.STOPPED);
        TestbedProvider twoHosts = new RemoteTestbed(List.of(remoteHost(1), stopped), HostTraits.CLOUD, () -> {
            throw new AssertionError("nothing may run before the committee is known to fit");
        });

        assertThatThrownBy(() -> new Orchestrator(remoteSettings(), twoHosts, RunOptions.defaults(),
                new BenchmarkListener() { }).run(BenchmarkParameters.builder().committee(4).build()))
                .hasMessage("the testbed has 1 active instances; committee 4 + dedicated_clients 0 + 1 monitoring host"
                        + " needs 5; run `testbed deploy --instances 4` (instances per region) or `testbed start`");
    }

    @Test
    void aRunWithoutDurationIsRefusedWhereNothingCanStopIt() {
        TestbedProvider untouched = new RemoteTestbed(List.of(remoteHost(1)), HostTraits.CLOUD, () -> {
            throw new AssertionError("nothing may run");
        });

        assertThatThrownBy(() -> new Orchestrator(remoteSettings(), untouched, RunOptions.defaults(),
                new BenchmarkListener() { }).run(BenchmarkParameters.builder().duration(Duration.ZERO).build()))
                .hasMessageContaining("a run of duration 0 goes on until it is stopped");
    }

    @Test
    void aFullRunUpdatesTheHostsAndConfiguresValidatorsOnPublicAddresses() {
        List<String> commands = commandsUntilBoot(RunOptions.defaults());

        assertThat(commands).containsSubsequence(UPDATE);
        assertThat(genesis(commands)).contains("--ips 198.18.0.1 198.18.0.2 198.18.0.3 198.18.0.4 ");
    }

    @Test
    void genesisIsWrittenOnceAndEachHostReceivesOnlyItsOwnPrivateKey() {
        RecordingRunner runner = new RecordingRunner();
        List<String> commands = commandsUntilBoot(RunOptions.defaults(), HostTraits.CLOUD, runner);

        assertThat(commands).filteredOn(command -> command.contains(" node genesis ")).hasSize(1);
        List<String> uploads = runner.uploads();
        // validators 0..3 run on hosts 1..4; validator 0's host wrote genesis and keeps only its own key
        for (int authority = 1; authority < 4; authority++) {
            String host = remoteHost(authority + 1).id();
            assertThat(uploads).filteredOn(upload -> upload.endsWith(" to " + host))
                    .containsExactlyInAnyOrder("committee.json to " + host, "public-config.json to " + host,
                            "private-config-" + authority + ".json to " + host);
        }
        assertThat(uploads).noneMatch(upload -> upload.endsWith(" to " + remoteHost(1).id()));
        assertThat(commands).contains("rm -f private-config-1.json private-config-2.json private-config-3.json");
    }

    @Test
    void skippingTheUpdateRunsNoUpdateCommandButStillConfigures() {
        List<String> commands = commandsUntilBoot(new RunOptions(true, false, false, false));

        assertThat(commands).doesNotContainAnyElementsOf(UPDATE);
        assertThat(genesis(commands)).isNotEmpty();
    }

    @Test
    void skippingTheConfigurationRunsNoGenesisAndKeepsTheParameterFiles() {
        List<String> commands = commandsUntilBoot(new RunOptions(false, true, false, false));

        assertThat(commands).noneMatch(command -> command.contains("genesis") || command.contains("parameters.yml"))
                .containsSubsequence(UPDATE);
    }

    @Test
    void internalAddressesReachTheGenesis() {
        List<String> commands = commandsUntilBoot(new RunOptions(false, false, true, false));

        assertThat(genesis(commands)).contains("--ips 10.0.0.1 10.0.0.2 10.0.0.3 10.0.0.4 ")
                .doesNotContain("198.18.");
    }

    @Test
    void byzantineAuthoritiesAreEveryThirdValidatorFromZero() {
        BenchmarkParameters seven = BenchmarkParameters.builder().committee(7)
                .byzantine(2, ByzantineStrategy.CHAIN_BOMB).build();
        BenchmarkParameters tooMany = BenchmarkParameters.builder().committee(4)
                .byzantine(3, ByzantineStrategy.CHAIN_BOMB).build();
        BenchmarkParameters honest = BenchmarkParameters.builder().committee(4)
                .byzantine(2, ByzantineStrategy.HONEST).build();

        assertThat(ByzantineAuthorities.of(seven)).containsExactly(0, 3);
        assertThat(ByzantineAuthorities.of(honest)).isEmpty();
        assertThatThrownBy(() -> ByzantineAuthorities.of(tooMany)).hasMessageContaining("only 2 validators");
    }

    @Test
    void theLoadIsSplitExactlyAcrossValidators() {
        BenchmarkParameters parameters = BenchmarkParameters.builder().committee(4).load(1_002).build();
        List<Instance> hosts = List.of(host(0), host(1), host(2), host(3));
        ValidatorSet set = new ValidatorSet(hosts, 30_000, List.of(), new FakeProtocol(-1), parameters,
                Optional.empty());

        assertThat(List.of(set.launch(0).load(), set.launch(1).load(), set.launch(2).load(), set.launch(3).load()))
                .containsExactly(251, 251, 250, 250);
        assertThat(set.metricsUrl(2).toString()).startsWith("http://127.0.0.1:30006/metrics"
                + "?name%5B%5D=sequenced_transactions_total&name%5B%5D=transaction_committed_latency&")
                .endsWith("&name%5B%5D=" + ValidatorMetric.names().get(ValidatorMetric.names().size() - 1));
    }

    private static Instance host(int k) {
        return new Instance("local-" + k, "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);
    }

    private static Instance remoteHost(int k) {
        return new Instance("i-" + k, "us-east-1", "198.18.0." + k, "10.0.0." + k, InstanceStatus.ACTIVE);
    }

    /**
     * The commands a run of 4 validators sends its hosts until it starts the first validator: host 0 is the
     * monitoring host, validators run on hosts 1 to 4.
     */
    private List<String> commandsUntilBoot(RunOptions options) {
        return commandsUntilBoot(options, HostTraits.CLOUD);
    }

    private List<String> commandsUntilBoot(RunOptions options, HostTraits traits) {
        return commandsUntilBoot(options, traits, new RecordingRunner());
    }

    private List<String> commandsUntilBoot(RunOptions options, HostTraits traits, RecordingRunner runner) {
        TestbedProvider testbed = new RemoteTestbed(List.of(remoteHost(0), remoteHost(1), remoteHost(2),
                remoteHost(3), remoteHost(4)), traits, () -> runner);

        assertThatThrownBy(() -> new Orchestrator(remoteSettings(), testbed, options, new BenchmarkListener() { })
                .run(BenchmarkParameters.builder().committee(4).build()))
                .hasMessageContaining(RecordingRunner.BOOT_REACHED);
        return runner.commands();
    }

    private static String genesis(List<String> commands) {
        return commands.stream().filter(command -> command.contains(" node genesis ")).findFirst().orElse("");
    }

    private Settings remoteSettings() {
        return new SettingsLoader(Map.<String, String>of()::get).parse("""
                cloud_provider: aws
                testbed_id: t
                regions: [us-east-1]
                specs: m5d.large
                ssh_private_key_file: k
                ssh_public_key_file: k.pub
                repository: {url: %s, commit: %s}
                results_dir: %s
                logs_dir: %s
                """.formatted(REPOSITORY.url(), REPOSITORY.commit(), dir.resolve("results"), dir.resolve("logs")),
                "s.yml");
    }

    /** A remote testbed whose instances are reached through `runner`. */
    private record RemoteTestbed(List<Instance> instances, HostTraits traits, Supplier<CommandRunner> runner)
            implements TestbedProvider {
        @Override
        public List<Instance> deploy(int perRegion, Optional<String> region) {
            throw new AssertionError("the flow must not create remote instances");
        }

        @Override
        public void start(int perRegion) {
        }

        @Override
        public void stop() {
        }

        @Override
        public void destroy() {
        }

        @Override
        public CommandRunner commandRunner() {
            return runner.get();
        }

        @Override
        public void close() {
        }
    }
}
