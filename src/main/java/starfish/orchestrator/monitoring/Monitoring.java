package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The one entry point: starts Prometheus (and Grafana, and node_exporter on remote hosts) for a testbed and returns
 * a handle whose close stops them. URLs and Grafana's admin password are printed to the console, once, and so is
 * how to install a program that is missing.
 * <pre>{@code
 * try (MonitoringHandle monitoring = Monitoring.start(settings, testbed, options)) {
 *     // for each run, once its validators' addresses and ports are known:
 *     monitoring.scrape(ScrapeTarget.validators(addresses, authority -> metricsPort));
 * }
 * }</pre>
 */
public final class Monitoring {

    private Monitoring() {
    }

    /** `console` gets the URLs and Grafana's password, the one place they are printed; say System.out::println. */
    public static MonitoringHandle start(Settings settings, TestbedProvider testbed, RunOptions options,
                                         Consumer<String> console) {
        return switch (settings.cloudProvider()) {
            case LOCAL -> startLocal(settings.scrapeInterval(), console);
            // netns hosts share this machine's packages, so only cloud hosts install any.
            case NETNS -> startRemote(settings, testbed, options, false, console);
            case AWS, VULTR -> startRemote(settings, testbed, options, true, console);
            case SIMULATED -> {
                console.accept("monitoring: none for the simulated testbed, whose validators run in virtual time;"
                        + " its figures are in the measurements file");
                yield new NoMonitoring();
            }
        };
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

    private static MonitoringHandle startRemote(Settings settings, TestbedProvider testbed, RunOptions options,
                                                boolean installPackages,
                                                Consumer<String> console) {
        List<Instance> hosts = testbed.instances().stream().filter(Instance::isActive).toList();
        if (hosts.isEmpty()) {
            throw new IllegalStateException("monitoring needs an active instance on testbed "
                    + settings.testbedId() + "; deploy or start the testbed first");
        }
        RemoteMonitoring.Plan plan = new RemoteMonitoring.Plan(monitoringHost(settings, hosts), hosts,
                ServiceEndpoints.standard(), settings.scrapeInterval(), options.useInternalIpAddresses(),
                installPackages);
        return RemoteMonitoring.start(testbed.commandRunner(), plan, console);
    }

    /** The first instance of the first configured region (or the first instance at all); it runs no validator. */
    public static Instance monitoringHost(Settings settings, List<Instance> hosts) {
        String firstRegion = settings.regions().isEmpty() ? "" : settings.regions().get(0);
        return hosts.stream().filter(host -> host.region().equals(firstRegion)).findFirst().orElse(hosts.get(0));
    }
}
