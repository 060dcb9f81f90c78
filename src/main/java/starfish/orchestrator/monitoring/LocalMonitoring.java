package starfish.orchestrator.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.benchmark.PortAllocator;
import starfish.orchestrator.testbed.FileTrees;
import starfish.orchestrator.testbed.HostTraits;

/**
 * Prometheus (and Grafana when installed) as child processes of this JVM, on free ports of 127.0.0.1, with their
 * configuration and data in a temporary directory that closing removes.
 */
public final class LocalMonitoring implements MonitoringHandle {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMonitoring.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path prometheusBinary;
    private final Duration scrapeInterval;
    private final Path runDir;
    private final Path dataDir;
    private final URI prometheusUrl;
    private ChildProcess prometheus;
    private Optional<RunningGrafana> grafana = Optional.empty();

    private record RunningGrafana(ChildProcess process, URI url) {
    }

    private LocalMonitoring(Path prometheusBinary, Duration scrapeInterval, Path runDir, Path dataDir,
                            URI prometheusUrl) {
        this.prometheusBinary = prometheusBinary;
        this.scrapeInterval = scrapeInterval;
        this.runDir = runDir;
        this.dataDir = dataDir;
        this.prometheusUrl = prometheusUrl;
    }

    /**
     * Starts Prometheus (with no targets until {@link #scrape}) and, when `grafanaBinary` is given, Grafana showing
     * it; returns once both answer. Grafana's admin password goes to `console` once and nowhere else. Prometheus
     * stores its data in `keptData`, which closing leaves for `testbed collect-monitoring`, or else with the
     * configuration, which closing removes.
     */
    public static LocalMonitoring start(Path prometheusBinary, Optional<Path> grafanaBinary, Duration scrapeInterval,
                                        Optional<Path> keptData, Consumer<String> console) {
        Path runDir = createRunDir();
        LocalMonitoring monitoring = new LocalMonitoring(prometheusBinary, scrapeInterval, runDir,
                keptData.orElse(runDir.resolve("prometheus-data")),
                URI.create("http://" + LOOPBACK + ":" + freePort()));
        try {
            monitoring.restartPrometheus(List.of());
            console.accept("Prometheus: " + monitoring.prometheusUrl);
            monitoring.grafana = grafanaBinary.flatMap(binary -> monitoring.startGrafana(binary, console));
            return monitoring;
        } catch (RuntimeException e) {
            monitoring.close();
            throw e;
        }
    }

    @Override
    public synchronized void scrape(List<ScrapeTarget> targets) {
        try {
            restartPrometheus(targets);
        } catch (RuntimeException e) {
            LOG.warn("Monitoring cannot follow this run's validators: {}", e.getMessage());
        }
    }

    /** Rewrites prometheus.yml and restarts Prometheus on the same port and data directory. */
    private void restartPrometheus(List<ScrapeTarget> targets) {
        Path config = write(runDir.resolve("prometheus.yml"), new PrometheusConfig(scrapeInterval, targets).render());
        if (prometheus != null) {
            prometheus.close();
        }
        prometheus = ChildProcess.start("prometheus", ServiceCommandLines.prometheus(prometheusBinary.toString(),
                config.toString(), dataDir.toString(),
                prometheusUrl.getHost() + ":" + prometheusUrl.getPort()), runDir, runDir.resolve("prometheus.log"));
        prometheus.awaitHttpOk(prometheusUrl.resolve("/-/ready"), STARTUP);
        LOG.info("Prometheus scrapes {} targets", targets.size());
    }

    /** Grafana on a free port; when it fails to come up, monitoring goes on with Prometheus alone. */
    private Optional<RunningGrafana> startGrafana(Path binary, Consumer<String> console) {
        int port = freePort();
        GrafanaConfig config = new GrafanaConfig(runDir.resolve("grafana").toString(), LOOPBACK, port,
                prometheusUrl.toString(), scrapeInterval, AdminPassword.generate());
        Path root = Path.of(config.rootDir());
        config.files().forEach((relative, content) -> write(root.resolve(relative), content));
        restrictToOwner(root.resolve(GrafanaConfig.INI));
        ChildProcess process = ChildProcess.start("grafana", ServiceCommandLines.grafana(binary.toString(),
                grafanaHome(binary).toString(), root.resolve(GrafanaConfig.INI).toString()), runDir,
                runDir.resolve("grafana.log"));
        URI url = URI.create("http://" + LOOPBACK + ":" + port);
        try {
            process.awaitHttpOk(url.resolve("/api/health"), STARTUP);
        } catch (RuntimeException e) {
            process.close();
            LOG.warn("Grafana did not start, monitoring goes on with Prometheus alone: {}", e.getMessage());
            return Optional.empty();
        }
        console.accept("Grafana: " + url + " (user admin, password " + config.adminPassword().reveal() + ")");
        return Optional.of(new RunningGrafana(process, url));
    }

    /** Grafana's install directory: /usr/share/grafana for the .deb, the unpacked archive for a tarball. */
    static Path grafanaHome(Path binary) {
        Path prefix = binary.toAbsolutePath().getParent().getParent();
        return Stream.of(prefix.resolve("share/grafana"), prefix)
                .filter(home -> Files.isRegularFile(home.resolve("conf/defaults.ini")))
                .findFirst()
                .orElse(Path.of("/usr/share/grafana"));
    }

    @Override
    public Optional<URI> prometheusUrl() {
        return Optional.of(prometheusUrl);
    }

    @Override
    public Optional<URI> grafanaUrl() {
        return grafana.map(RunningGrafana::url);
    }

    @Override
    public synchronized void close() {
        grafana.ifPresent(running -> running.process().close());
        if (prometheus != null) {
            prometheus.close();
        }
        try {
            FileTrees.delete(runDir);
        } catch (UncheckedIOException e) {
            LOG.warn("Could not remove {}: {}", runDir, e.getMessage());
        }
        LOG.info("Stopped local monitoring");
    }

    private static Path createRunDir() {
        try {
            return Files.createTempDirectory("starfish-monitoring-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for monitoring", e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + file + " to its owner", e);
        }
    }

    /** A port below the ephemeral range, where no outgoing connection is handed it before Prometheus binds it. */
    private static int freePort() {
        return PortAllocator.basePort(HostTraits.LOOPBACK, 1);
    }
}
