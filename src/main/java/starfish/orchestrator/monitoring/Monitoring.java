package starfish.orchestrator.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.CommitteeHosts;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The one entry point: starts Prometheus (and Grafana, and node_exporter on remote hosts) for a testbed and returns
 * a handle whose close stops them. URLs and Grafana's admin password are printed to the console, once, and so is
 * how to install a program that is missing.
 * <pre>{@code
 * try (MonitoringHandle monitoring = Monitoring.start(settings, testbed, false, System.out::println)) {
 *     // for each run, once its validators' addresses and ports are known:
 *     monitoring.scrape(ScrapeTarget.validators(addresses, authority -> metricsPort));
 * }
 * }</pre>
 */
public final class Monitoring {

    /** This machine, as the monitoring host of the local testbed. */
    private static final Instance THIS_MACHINE = new Instance("this-machine", "local", "127.0.0.1", "127.0.0.1",
            InstanceStatus.ACTIVE);

    private Monitoring() {
    }

    /**
     * On hosts that reserve a monitoring host, the services run there (and node_exporter on every host); otherwise
     * on this machine. `internalAddresses`: Prometheus reaches the hosts on their internal IPs. `console` gets the
     * URLs and Grafana's password, the one place they are printed; say System.out::println.
     */
    public static MonitoringHandle start(Settings settings, TestbedProvider testbed, boolean internalAddresses,
                                         Consumer<String> console) {
        HostTraits traits = testbed.traits();
        if (!traits.reserveMonitoringHost()) {
            return startLocal(settings.monitoring().scrapeInterval(), console, MonitoringComponent.localSearchPath(),
                    Optional.of(thisMachinesWorkingDir(settings).resolve(RemoteMonitoring.DATA_DIR)));
        }
        List<Instance> hosts = testbed.instances().stream().filter(Instance::isActive).toList();
        if (hosts.isEmpty()) {
            throw new IllegalStateException("monitoring needs an active instance on testbed "
                    + settings.testbed().id() + "; deploy or start the testbed first");
        }
        if (CommitteeHosts.usesMonitoringServer(traits, settings)) {
            return startOnMonitoringServer(settings, testbed, hosts, console);
        }
        boolean internal = settings.monitoring().scrapePublicIp().map(publicIp -> !publicIp).orElse(internalAddresses);
        RemoteMonitoring.Plan plan = new RemoteMonitoring.Plan(CommitteeHosts.monitoringHost(settings, hosts), hosts,
                ServiceEndpoints.standard(), settings.monitoring().scrapeInterval(), internal,
                traits.installPackages());
        return RemoteMonitoring.start(testbed.commandRunner(), plan, console);
    }

    /**
     * Prometheus and Grafana on `monitoring_server`, scraping the hosts' public addresses unless
     * monitoring_scrape_public_ip is false (a server in the testbed's own network).
     */
    private static MonitoringHandle startOnMonitoringServer(Settings settings, TestbedProvider testbed,
                                                            List<Instance> hosts, Consumer<String> console) {
        MonitoringServerRunner runner = MonitoringServerAccess.runner(settings, testbed);
        try {
            boolean internal = !settings.monitoring().scrapePublicIp().orElse(true);
            RemoteMonitoring.Plan plan = new RemoteMonitoring.Plan(runner.server(), hosts, ServiceEndpoints.standard(),
                    settings.monitoring().scrapeInterval(), internal, testbed.traits().installPackages());
            console.accept("Monitoring runs on monitoring_server " + runner.server().publicIp() + "; the testbed's"
                    + " firewall admits only this machine to the validators' metrics ports and only the testbed's"
                    + " hosts to node_exporter (" + ServiceEndpoints.standard().nodeExporterPort() + "): admit "
                    + runner.server().publicIp() + " to them, or its Prometheus reports those targets down");
            return RemoteMonitoring.startOwning(runner, plan, console);
        } catch (RuntimeException | Error e) {
            runner.close();
            throw e;
        }
    }

    /**
     * Prometheus and Grafana as child processes on 127.0.0.1, each only if its binary is installed; a missing one is
     * reported to `console` with how to install it.
     */
    public static MonitoringHandle startLocal(Duration scrapeInterval, Consumer<String> console) {
        return startLocal(scrapeInterval, console, MonitoringComponent.localSearchPath(), Optional.empty());
    }

    /**
     * As {@link #startLocal(Duration, Consumer)}, with the binaries searched on `searchPath` only and Prometheus's
     * data kept in `keptData` when given.
     */
    static MonitoringHandle startLocal(Duration scrapeInterval, Consumer<String> console, String searchPath,
                                       Optional<Path> keptData) {
        Optional<Path> prometheus = MonitoringComponent.PROMETHEUS.findOn(searchPath);
        if (prometheus.isEmpty()) {
            console.accept(MonitoringComponent.PROMETHEUS.missingMessage());
            return new NoMonitoring();
        }
        Optional<Path> grafana = MonitoringComponent.GRAFANA.findOn(searchPath);
        if (grafana.isEmpty()) {
            console.accept(MonitoringComponent.GRAFANA.missingMessage());
        }
        return LocalMonitoring.start(prometheus.get(), grafana, scrapeInterval, keptData, console);
    }
    /**
     * Copies the testbed's Prometheus data with `collector` from where it lives: the monitoring host of a testbed
     * that reserves one, else this machine (the local testbed keeps it in working_dir/monitoring). Throws
     * {@link MonitoringCollectionException} saying what is missing.
     */
    public static CollectedMonitoring collect(Settings settings, TestbedProvider testbed,
                                              MonitoringCollector collector) {
        String testbedId = settings.testbed().id();
        if (!testbed.traits().reserveMonitoringHost()) {
            Path root = thisMachinesWorkingDir(settings);
            if (!Files.isDirectory(root.resolve(RemoteMonitoring.DATA_DIR))) {
                throw HostSnapshot.noData(THIS_MACHINE);
            }
            try (LocalRunner runner = new LocalRunner(instance -> root)) {
                return collector.collect(testbedId,
                        new SnapshotSource(runner, THIS_MACHINE, PortAllocator.basePort(HostTraits.LOOPBACK, 1)));
            }
        }
        if (CommitteeHosts.usesMonitoringServer(testbed.traits(), settings)) {
            try (MonitoringServerRunner runner = MonitoringServerAccess.runner(settings, testbed)) {
                return collector.collect(testbedId, new SnapshotSource(runner, runner.server(),
                        ServiceEndpoints.standard().prometheusPort()));
            }
        }
        List<Instance> hosts = testbed.instances().stream().filter(Instance::isActive).toList();
        if (hosts.isEmpty()) {
            throw new MonitoringCollectionException("testbed " + testbedId + " has no active instance, so no monitoring"
                    + " host to collect from; start it with `testbed start` (a stopped host keeps its data)");
        }
        return collector.collect(testbedId, new SnapshotSource(testbed.commandRunner(),
                CommitteeHosts.monitoringHost(settings, hosts), ServiceEndpoints.standard().prometheusPort()));
    }

    /** The directory under which this machine keeps monitoring's files for a testbed without a monitoring host. */
    private static Path thisMachinesWorkingDir(Settings settings) {
        return Path.of(settings.locations().workingDir()).toAbsolutePath().normalize();
    }
}
