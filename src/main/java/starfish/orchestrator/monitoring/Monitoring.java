package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.CommitteeHosts;
import starfish.orchestrator.testbed.HostTraits;
import starfish.orchestrator.host.Instance;
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
            return startLocal(settings.monitoring().scrapeInterval(), console);
        }
        List<Instance> hosts = testbed.instances().stream().filter(Instance::isActive).toList();
        if (hosts.isEmpty()) {
            throw new IllegalStateException("monitoring needs an active instance on testbed "
                    + settings.testbed().id() + "; deploy or start the testbed first");
        }
        RemoteMonitoring.Plan plan = new RemoteMonitoring.Plan(CommitteeHosts.monitoringHost(settings, hosts), hosts,
                ServiceEndpoints.standard(), settings.monitoring().scrapeInterval(), internalAddresses, traits.installPackages());
        return RemoteMonitoring.start(testbed.commandRunner(), plan, console);
    }

    /**
     * Prometheus and Grafana as child processes on 127.0.0.1, each only if its binary is installed; a missing one is
     * reported to `console` with how to install it.
     */
    public static MonitoringHandle startLocal(Duration scrapeInterval, Consumer<String> console) {
        return startLocal(scrapeInterval, console, MonitoringComponent.localSearchPath());
    }

    /** As {@link #startLocal(Duration, Consumer)}, with the binaries searched on `searchPath` only. */
    static MonitoringHandle startLocal(Duration scrapeInterval, Consumer<String> console, String searchPath) {
        Optional<Path> prometheus = MonitoringComponent.PROMETHEUS.findOn(searchPath);
        if (prometheus.isEmpty()) {
            console.accept(MonitoringComponent.PROMETHEUS.missingMessage());
            return new NoMonitoring();
        }
        Optional<Path> grafana = MonitoringComponent.GRAFANA.findOn(searchPath);
        if (grafana.isEmpty()) {
            console.accept(MonitoringComponent.GRAFANA.missingMessage());
        }
        return LocalMonitoring.start(prometheus.get(), grafana, scrapeInterval, console);
    }
}
