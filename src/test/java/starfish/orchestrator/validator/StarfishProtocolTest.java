package starfish.orchestrator.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MetricNameFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starfish.node.metrics.NodeMetrics;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.measurement.ValidatorScrape;
import starfish.orchestrator.runner.CommandFailedException;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.runner.ShellQuoting;
import starfish.orchestrator.settings.Repository;
import starfish.protocol.ByzantineStrategy;
import starfish.protocol.Consensus;
import starfish.protocol.ValidatorMetric;

class StarfishProtocolTest {
    // `echo` in place of the JVM: the shell expands the command exactly as a host would, and prints the arguments
    private final StarfishProtocol protocol = new StarfishProtocol(new JavaLauncher("echo", "starfish.Main"),
            new ValidatorHeap(true, 4 * 1024)); // 512 MiB each for a committee of 4
    private final Instance host = new Instance("local-0", "local", "127.0.0.1", "127.0.0.1", InstanceStatus.ACTIVE);
    private final ValidatorLaunch launch = new ValidatorLaunch(2, 4, Consensus.STARFISH_PULL,
            ByzantineStrategy.CHAIN_BOMB, 250, true);

    @Test
    void aValidatorUsesTheParameterFilesOnlyWhenTheConfigureStepPutThemOnItsHost(@TempDir Path dir) throws Exception {
        try (LocalRunner runner = new LocalRunner(instance -> dir)) {
            String bare = runner.execute(host, protocol.runCommand(launch)).stdout().strip();
            assertThat(bare).isEqualTo("-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseTransparentHugePages"
                    + " -XX:+ExitOnOutOfMemoryError starfish.Main node run --authority 2 --committee-path committee.json"
                    + " --public-config-path public-config.json --private-config-path private-config-2.json"
                    + " --consensus starfish-pull --load 250 --storage-path storage-2"
                    + " --byzantine-strategy chain-bomb --mimic-extra-latency");

            Files.writeString(dir.resolve(protocol.nodeParametersPath()), "gc_depth_rounds: 1000\n");
            Files.writeString(dir.resolve(protocol.clientParametersPath()), "batch_interval_ms: 20\n");
            String tuned = runner.execute(host, protocol.runCommand(launch)).stdout().strip();
            assertThat(tuned).contains(" --node-parameters-path node-parameters.yml"
                    + " --client-parameters-path client-parameters.yml");
        }
    }

    @Test
    void theScrapeAsksForEveryMetricOfTheValidatorAndNoneOfTheJvm() {
        PrometheusRegistry registry = new PrometheusRegistry();
        JvmMetrics.builder().register(registry);
        new NodeMetrics(registry, 4).watchPool(() -> 0, () -> 0);
        // the filter the exporter builds from the request's name[] parameters
        Predicate<String> requested = MetricNameFilter.builder().nameMustBeEqualTo(ValidatorMetric.names()).build();

        assertThat(metricNames(registry.scrape(requested))).isNotEmpty().isEqualTo(metricNames(registry.scrape())
                .stream().filter(ValidatorScrape::isProtocolMetric).collect(Collectors.toSet()));
    }

    @Test
    void theValidatorRegistersEveryContractMetricWithTheContractsType() {
        PrometheusRegistry registry = new PrometheusRegistry();
        new NodeMetrics(registry, 4).watchPool(() -> 0, () -> 0);
        for (ValidatorMetric metric : ValidatorMetric.values()) {
            MetricSnapshots exposed = registry.scrape(MetricNameFilter.builder()
                    .nameMustBeEqualTo(metric.exposedName()).build());
            assertThat(exposed.size()).as(metric.exposedName()).isEqualTo(1);
            assertThat(typeOf(exposed.get(0))).as(metric.exposedName()).isEqualTo(metric.type());
        }
        assertThat(registry.scrape().size()).isEqualTo(ValidatorMetric.values().length);
    }

    private static ValidatorMetric.Type typeOf(MetricSnapshot snapshot) {
        if (snapshot instanceof CounterSnapshot) {
            return ValidatorMetric.Type.COUNTER;
        } else if (snapshot instanceof GaugeSnapshot) {
            return ValidatorMetric.Type.GAUGE;
        } else if (snapshot instanceof HistogramSnapshot) {
            return ValidatorMetric.Type.HISTOGRAM;
        } else if (snapshot instanceof InfoSnapshot) {
            return ValidatorMetric.Type.INFO;
        }
        throw new AssertionError("a type outside the contract: " + snapshot.getMetadata().getName());
    }

    private static Set<String> metricNames(MetricSnapshots snapshots) {
        return snapshots.stream().map(snapshot -> snapshot.getMetadata().getPrometheusName())
                .collect(Collectors.toSet());
    }

    @Test
    void aHeavilyLoadedValidatorTouchesItsWholeHeapAtBootAndCompilesWithC2(@TempDir Path dir) throws Exception {
        ValidatorLaunch heavy = new ValidatorLaunch(0, 4, Consensus.MYSTICETI, ByzantineStrategy.HONEST,
                StarfishProtocol.HEAVY_LOAD, false);
        StarfishProtocol protocol = new StarfishProtocol(new JavaLauncher("echo", "starfish.Main"),
                new ValidatorHeap(false, 4 * 1024));
        try (LocalRunner runner = new LocalRunner(instance -> dir)) {
            assertThat(runner.execute(host, protocol.runCommand(heavy)).stdout())
                    .startsWith("-Xms1024m -Xmx1024m -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages")
                    .doesNotContain("TieredStopAtLevel");
        }
    }

    @Test
    void anEarlierCloneFollowsAChangedRepositoryUrl(@TempDir Path dir) throws Exception {
        try (LocalRunner runner = new LocalRunner(instance -> dir)) {
            Repository first = commitIn(runner, "first repo");
            Repository second = commitIn(runner, "second repo");

            checkOut(runner, first);
            checkOut(runner, second);

            assertThat(runner.execute(host, "git -C starfish-src rev-parse HEAD").stdout().strip())
                    .isEqualTo(second.commit());
        }
    }

    @Test
    void theBuildIsOnlineUnlessTheHostsMavenSettingsSayOtherwise() {
        String build = protocol.updateCommands(new Repository("https://example.org/starfish.git", "main")).get(2);

        assertThat(build).contains("mvn -q package").doesNotContain(" -o ");
    }

    /** A new repository in `name` with one commit; the repository at that commit. */
    private Repository commitIn(LocalRunner runner, String name) {
        String quoted = ShellQuoting.quote(name);
        String commit = runner.execute(host, "git init -q " + quoted + " && cd " + quoted + " && echo " + quoted
                + " > file && git add file && git -c user.name=t -c user.email=t@example.org commit -q -m " + quoted
                + " && git rev-parse HEAD").stdout().strip();
        return new Repository(runner.execute(host, "cd " + quoted + " && pwd").stdout().strip(), commit);
    }

    /** The update step without its Maven build. */
    private void checkOut(LocalRunner runner, Repository repository) {
        protocol.updateCommands(repository).subList(0, 2).forEach(command -> runner.execute(host, command));
    }

    @Test
    void installKeepsAnyJdkFrom17OnAndInstallsOnlyWhatIsMissing(@TempDir Path dir) throws Exception {
        Path fakes = Files.createDirectory(dir.resolve("bin"));
        for (String tool : new String[] {"mvn", "git", "tmux"}) {
            executable(fakes.resolve(tool), "exit 0");
        }
        // apt-get only records that it was asked, and fails as it would without Internet
        executable(fakes.resolve("apt-get"), "echo \"$*\" >> apt-get.calls; exit 100");
        String install = "PATH=" + fakes + ":$PATH\n" + protocol.installCommands().get(0);
        try (LocalRunner runner = new LocalRunner(instance -> dir)) {
            executable(fakes.resolve("java"), "echo 'openjdk version \"21.0.2\" 2024-01-16' >&2");
            runner.execute(host, install);
            assertThat(dir.resolve("apt-get.calls")).doesNotExist();

            executable(fakes.resolve("java"), "echo 'openjdk version \"11.0.22\" 2024-01-16' >&2");
            assertThatThrownBy(() -> runner.execute(host, install)).isInstanceOf(CommandFailedException.class);
            assertThat(dir.resolve("apt-get.calls")).content().contains("update");
        }
    }

    private static void executable(Path file, String script) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void genesisFilesAreTheFilesValidatorsAreStartedWith() {
        assertThat(protocol.sharedGenesisFiles()).containsExactly("committee.json", "public-config.json");
        String run = protocol.runCommand(launch);
        protocol.sharedGenesisFiles().forEach(file -> assertThat(run).contains(file));
        assertThat(run).contains(protocol.privateKeyFile(2)).doesNotContain(protocol.privateKeyFile(1));
    }

    @Test
    void cleanupKeepsTheConfigurationSoARunCanSkipConfiguringTheTestbed(@TempDir Path dir) throws Exception {
        for (String file : new String[] {"committee.json", "private-config-0.json", "node-parameters.yml",
                "node-0.log", "storage-0/committed.log"}) {
            Files.createDirectories(dir.resolve(file).getParent());
            Files.writeString(dir.resolve(file), "x");
        }
        try (LocalRunner runner = new LocalRunner(instance -> dir)) {
            runner.execute(host, protocol.cleanupCommand());
        }
        assertThat(dir.resolve("committee.json")).exists();
        assertThat(dir.resolve("private-config-0.json")).exists();
        assertThat(dir.resolve("node-parameters.yml")).exists();
        assertThat(dir.resolve("node-0.log")).doesNotExist();
        assertThat(dir.resolve("storage-0")).doesNotExist();
    }
}
