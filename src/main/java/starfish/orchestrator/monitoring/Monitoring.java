package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.benchmark.RunOptions;
import starfish.orchestrator.settings.Settings;
import starfish.orchestrator.testbed.Instance;
import starfish.orchestrator.testbed.TestbedProvider;

/**
 * The one entry point: starts Prometheus (and Grafana, and node_exporter on remote hosts) for a testbed and returns
 * a handle whose close stops them. URLs and Grafana's admin password are printed to the console, once.
 * <pre>{@code
 * try (MonitoringHandle monitoring = Monitoring.start(settings, testbed, options)) {
 *     // for each run, once its validators' addresses and ports are known:
 *     monitoring.scrape(ScrapeTarget.validators(addresses, authority -> metricsPort));
 * }
 * }</pre>
 */
public final class Monitoring {
    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

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
        };
    }

    /** Prometheus and Grafana as child processes on 127.0.0.1, each only if its binary is installed. */
    public static MonitoringHandle startLocal(Duration scrapeInterval, Consumer<String> console) {
        Optional<Path> prometheus = MonitoringComponent.PROMETHEUS.findLocally();
        if (prometheus.isEmpty()) {
            LOG.warn(MonitoringComponent.PROMETHEUS.missingMessage());
            return new NoMonitoring();
        }
        Optional<Path> grafana = MonitoringComponent.GRAFANA.findLocally();
        if (grafana.isEmpty()) {
            LOG.warn(MonitoringComponent.GRAFANA.missingMessage());
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
