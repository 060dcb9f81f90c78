package starfish.orchestrator.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.host.Instance;

/**
 * Monitoring on a remote testbed, driven only through the CommandRunner so that it works the same over SSH and
 * locally: node_exporter on every host, Prometheus and Grafana on one monitoring host, each a detached process of
 * ours with its files under `monitoring/` in the host's working directory.
 */
public final class RemoteMonitoring implements MonitoringHandle {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMonitoring.class);
    static final String NODE_EXPORTER_SESSION = "monitoring-node-exporter";
    static final String PROMETHEUS_SESSION = "monitoring-prometheus";
    static final String GRAFANA_SESSION = "monitoring-grafana";
    /** Monitoring's files on a host, under its working directory. */
    static final String DIR = "monitoring";
    /** Prometheus's TSDB, kept between runs and sessions until the host goes. */
    static final String DATA_DIR = DIR + "/prometheus-data";
    private static final String GRAFANA_HOME = "/usr/share/grafana";

    private final CommandRunner runner;
    private final Plan plan;
    private final String prometheusBinary;
    private final String home;
    private final List<Instance> exporterHosts;
    private Optional<URI> grafanaUrl = Optional.empty();
    private Optional<CommandRunner> ownedRunner = Optional.empty();

    private RemoteMonitoring(CommandRunner runner, Plan plan, String prometheusBinary, String home,
                             List<Instance> exporterHosts) {
        this.runner = runner;
        this.plan = plan;
        this.prometheusBinary = prometheusBinary;
        this.home = home;
        this.exporterHosts = exporterHosts;
    }

    /** Where and how monitoring runs on a remote testbed. */
    public record Plan(Instance monitoringHost, List<Instance> hosts, ServiceEndpoints endpoints,
                       Duration scrapeInterval, boolean useInternalIpAddresses, boolean installPackages) {
        public Plan {
            hosts = List.copyOf(hosts);
        }

        /** Where a user browses a service of the monitoring host. */
        URI publicUrl(int port) {
            return URI.create("http://" + monitoringHost.publicIp() + ":" + port);
        }

        String scrapeAddress(Instance host) {
            return useInternalIpAddresses ? host.internalIp() : host.publicIp();
        }

        /** `target` at the address this plan scrapes its host on (validators are named by the address they use). */
        ScrapeTarget reachable(ScrapeTarget target) {
            return hosts.stream().filter(host -> target.host().equals(host.internalIp())
                            || target.host().equals(host.publicIp())).findFirst()
                    .map(host -> new ScrapeTarget(target.job(), target.role(), scrapeAddress(host), target.port()))
                    .orElse(target);
        }
    }

    /**
     * (Re)starts monitoring as `plan` says: node_exporter on every host, Prometheus scraping them (validators come
     * with {@link #scrape}), Grafana showing it. A component that is not installed (and cannot be) is skipped with
     * a message to `console` saying how to install it.
     */
    public static MonitoringHandle start(CommandRunner runner, Plan plan, Consumer<String> console) {
        Instance monitor = plan.monitoringHost();
        if (plan.installPackages()) {
            runner.executeAll(plan.hosts(), RemotePackages.install(MonitoringComponent.NODE_EXPORTER));
            runner.execute(monitor, RemotePackages.install(MonitoringComponent.PROMETHEUS));
            if (runner.execute(monitor, RemotePackages.install(MonitoringComponent.GRAFANA)).stdout()
                    .contains(RemotePackages.GRAFANA_SKIPPED)) {
                console.accept("On " + monitor.id() + ": " + RemotePackages.GRAFANA_SKIPPED);
            }
        }
        Optional<String> prometheus = locate(runner, monitor, MonitoringComponent.PROMETHEUS);
        if (prometheus.isEmpty()) {
            console.accept("On " + monitor.id() + ": " + MonitoringComponent.PROMETHEUS.missingMessage());
            return new NoMonitoring();
        }
        String home = runner.execute(monitor, "pwd").stdout().strip() + "/" + DIR;
        runner.execute(monitor, "mkdir -p " + DATA_DIR);
        RemoteMonitoring monitoring = new RemoteMonitoring(runner, plan, prometheus.get(), home,
                startNodeExporters(runner, plan, console));
        monitoring.restartPrometheus(List.of());
        console.accept("Prometheus: " + monitoring.prometheusUrl().orElseThrow());
        monitoring.grafanaUrl = startGrafana(runner, plan, home, console);
        return monitoring;
    }

    /** As {@link #start}, and closing the handle closes `runner` too. */
    static MonitoringHandle startOwning(CommandRunner runner, Plan plan, Consumer<String> console) {
        MonitoringHandle handle = start(runner, plan, console);
        if (handle instanceof RemoteMonitoring remote) {
            remote.ownedRunner = Optional.of(runner);
        } else {
            runner.close();
        }
        return handle;
    }

    @Override
    public synchronized void scrape(List<ScrapeTarget> validatorTargets) {
        try {
            restartPrometheus(validatorTargets);
        } catch (RuntimeException e) {
            LOG.warn("Monitoring cannot follow this run's validators: {}", e.getMessage());
        }
    }

    /** Uploads a prometheus.yml for these validators and the hosts' node_exporters, checks it, restarts Prometheus. */
    private void restartPrometheus(List<ScrapeTarget> validatorTargets) {
        Instance monitor = plan.monitoringHost();
        ServiceEndpoints endpoints = plan.endpoints();
        List<ScrapeTarget> targets = new ArrayList<>(validatorTargets.stream().map(plan::reachable).toList());
        exporterHosts.forEach(host -> targets.add(
                ScrapeTarget.nodeExporter(host.id(), plan.scrapeAddress(host), endpoints.nodeExporterPort())));
        upload(runner, monitor, new PrometheusConfig(plan.scrapeInterval(), targets).render(),
                DIR + "/prometheus.yml");
        runner.execute(monitor, "if command -v promtool >/dev/null; then promtool check config "
                + DIR + "/prometheus.yml; fi");
        restart(runner, monitor, PROMETHEUS_SESSION, ServiceCommandLines.prometheus(prometheusBinary,
                home + "/prometheus.yml", home + "/prometheus-data", endpoints.listen(endpoints.prometheusPort())),
                DIR + "/prometheus.log");
        LOG.info("Prometheus on {} scrapes {} targets", monitor.id(), targets.size());
    }

    /** Starts node_exporter where it is installed; returns those hosts. */
    private static List<Instance> startNodeExporters(CommandRunner runner, Plan plan, Consumer<String> console) {
        Map<Instance, CommandOutput> found =
                runner.executeAll(plan.hosts(), MonitoringComponent.NODE_EXPORTER.locateCommand());
        String listen = plan.endpoints().listen(plan.endpoints().nodeExporterPort());
        List<Instance> started = new ArrayList<>();
        for (Instance host : plan.hosts()) {
            String binary = found.get(host).stdout().strip();
            if (binary.isEmpty()) {
                console.accept("On " + host.id() + ": " + MonitoringComponent.NODE_EXPORTER.missingMessage());
                continue;
            }
            runner.execute(host, "mkdir -p " + DIR);
            restart(runner, host, NODE_EXPORTER_SESSION,
                    ServiceCommandLines.nodeExporter(binary, listen), DIR + "/node-exporter.log");
            started.add(host);
        }
        return List.copyOf(started);
    }

    private static Optional<URI> startGrafana(CommandRunner runner, Plan plan, String home, Consumer<String> console) {
        Instance monitor = plan.monitoringHost();
        Optional<String> grafana = locate(runner, monitor, MonitoringComponent.GRAFANA);
        if (grafana.isEmpty()) {
            console.accept("On " + monitor.id() + ": " + MonitoringComponent.GRAFANA.missingMessage());
            return Optional.empty();
        }
        ServiceEndpoints endpoints = plan.endpoints();
        GrafanaConfig config = new GrafanaConfig(home + "/grafana", endpoints.bindAddress(), endpoints.grafanaPort(),
                endpoints.sameHostUrl(endpoints.prometheusPort()), plan.scrapeInterval(), AdminPassword.generate());
        runner.execute(monitor, "mkdir -p " + DIR + "/grafana/provisioning/datasources "
                + DIR + "/grafana/provisioning/dashboards " + DIR + "/grafana/dashboards");
        config.files().forEach((relative, content) -> upload(runner, monitor, content, DIR + "/grafana/" + relative));
        // Grafana applies admin_password only when it creates its database, so each start begins with a fresh one.
        runner.execute(monitor, "chmod 600 " + DIR + "/grafana/" + GrafanaConfig.INI
                + " && rm -rf " + ServiceCommandLines.quote(config.dataDir()));
        restart(runner, monitor, GRAFANA_SESSION,
                ServiceCommandLines.grafana(grafana.get(), GRAFANA_HOME, config.rootDir() + "/" + GrafanaConfig.INI),
                DIR + "/grafana.log");
        URI url = plan.publicUrl(endpoints.grafanaPort());
        console.accept("Grafana: " + url + " (user admin, password " + config.adminPassword().reveal() + ")");
        return Optional.of(url);
    }

    private static Optional<String> locate(CommandRunner runner, Instance host, MonitoringComponent component) {
        String binary = runner.execute(host, component.locateCommand()).stdout().strip();
        return binary.isEmpty() ? Optional.empty() : Optional.of(binary);
    }

    private static void restart(CommandRunner runner, Instance host, String session, List<String> command,
                                String logFile) {
        runner.stopDetached(host, session);
        runner.startDetached(host, session, ServiceCommandLines.shell(command), logFile);
    }

    /** Uploads `content` through a local file that only its owner can read and that is gone right after. */
    static void upload(CommandRunner runner, Instance host, String content, String remotePath) {
        Path local = null;
        try {
            local = Files.createTempFile("starfish-monitoring-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(local, content, StandardCharsets.UTF_8);
            runner.upload(host, local, remotePath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + remotePath + " for upload", e);
        } finally {
            if (local != null) {
                local.toFile().delete();
            }
        }
    }

    @Override
    public Optional<URI> prometheusUrl() {
        return Optional.of(plan.publicUrl(plan.endpoints().prometheusPort()));
    }

    @Override
    public Optional<URI> grafanaUrl() {
        return grafanaUrl;
    }

    /** Stops every process monitoring started; a host that cannot be reached is reported, not thrown. */
    @Override
    public synchronized void close() {
        stopQuietly(plan.monitoringHost(), GRAFANA_SESSION);
        stopQuietly(plan.monitoringHost(), PROMETHEUS_SESSION);
        exporterHosts.forEach(host -> stopQuietly(host, NODE_EXPORTER_SESSION));
        ownedRunner.ifPresent(CommandRunner::close);
    }

    private void stopQuietly(Instance host, String session) {
        try {
            runner.stopDetached(host, session);
        } catch (RuntimeException e) {
            LOG.warn("Could not stop {} on {}: {}", session, host.id(), e.getMessage());
        }
    }
}
