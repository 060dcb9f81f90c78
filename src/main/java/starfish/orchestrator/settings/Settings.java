package starfish.orchestrator.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The orchestrator's settings (the reference `Settings`), read from YAML with snake_case field names, grouped by
 * concern. The YAML stays flat; each group below names the YAML fields it holds. Field names and types are a contract
 * shared by the testbed providers, the CLI and the JUnit extension.
 */
public record Settings(Testbed testbed, Run run, Ssh ssh, Aws aws, Vultr vultr, Locations locations,
                       Monitoring monitoring, SimulationSettings simulation) {

    /**
     * Which testbed and what it is made of: testbed_id, cloud_provider, regions, specs, max_instances and token_file
     * (the Vultr API key, or AWS credentials).
     */
    public record Testbed(String id, CloudProvider cloudProvider, List<String> regions, String specs,
                          int maxInstances, Optional<Path> tokenFile) {
    }

    /** One benchmark run: benchmark_duration, faults and dedicated_clients (load generators off the committee). */
    public record Run(Duration benchmarkDuration, Faults faults, int dedicatedClients) {
    }

    /**
     * How hosts are reached: ssh_private_key_file, ssh_public_key_file, ssh_timeout, ssh_retries, ssh_command_timeout
     * (the longest any remote command may run) and instance_lifetime (cloud instances power themselves off that long
     * after the last command reached them).
     */
    public record Ssh(Optional<Path> privateKeyFile, Optional<Path> publicKeyFile, Duration timeout, int retries,
                      Duration commandTimeout, Duration instanceLifetime) {
        public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(30);
        public static final Duration DEFAULT_INSTANCE_LIFETIME = Duration.ofHours(4);

        public Ssh(Optional<Path> privateKeyFile, Optional<Path> publicKeyFile, Duration timeout, int retries) {
            this(privateKeyFile, publicKeyFile, timeout, retries, DEFAULT_COMMAND_TIMEOUT, DEFAULT_INSTANCE_LIFETIME);
        }
    }

    /**
     * Only `cloud_provider: aws` reads these: aws_endpoint_url, nvme (instance storage for the database) and spot (how
     * instances are bought).
     */
    public record Aws(Optional<String> endpointUrl, boolean nvme, SpotPolicy spot) {
        public Aws(Optional<String> endpointUrl, boolean nvme) {
            this(endpointUrl, nvme, SpotPolicy.ON_DEMAND);
        }
    }

    /** Only `cloud_provider: vultr` reads these: vultr_api_url and vultr_vpc. */
    public record Vultr(Optional<String> apiUrl, boolean vpc) {
    }

    /**
     * Where things come from and go: repository (what remote hosts build), pre_built_binary (what they run instead),
     * node_parameters_path, client_parameters_path, working_dir (on the hosts), results_dir and logs_dir (here).
     */
    public record Locations(Optional<Repository> repository, Optional<PreBuiltBinary> preBuiltBinary,
                            Optional<Path> nodeParametersPath, Optional<Path> clientParametersPath, String workingDir,
                            Path resultsDir, Path logsDir) {

        public Locations(Optional<Repository> repository, Optional<Path> nodeParametersPath,
                         Optional<Path> clientParametersPath, String workingDir, Path resultsDir, Path logsDir) {
            this(repository, Optional.empty(), nodeParametersPath, clientParametersPath, workingDir, resultsDir,
                    logsDir);
        }

        public Locations withWorkingDir(String value) {
            return new Locations(repository, preBuiltBinary, nodeParametersPath, clientParametersPath, value,
                    resultsDir, logsDir);
        }
    }

    /**
     * monitoring (Prometheus and Grafana on a host of their own), scrape_interval, log_processing, and
     * monitoring_server with monitoring_scrape_public_ip (an existing monitoring host instead of a testbed instance).
     */
    public record Monitoring(boolean enabled, Duration scrapeInterval, boolean logProcessing,
                             Optional<MonitoringServer> server, Optional<Boolean> scrapePublicIp) {
        public Monitoring(boolean enabled, Duration scrapeInterval, boolean logProcessing) {
            this(enabled, scrapeInterval, logProcessing, Optional.empty(), Optional.empty());
        }

        /** These settings with monitoring_server set to `userAtHost` (`[user@]host`). */
        public Monitoring withServer(String userAtHost) {
            MonitoringServer parsed = MonitoringServer.parse(userAtHost)
                    .orElseThrow(() -> new IllegalArgumentException(userAtHost + " is not [user@]host"));
            return new Monitoring(enabled, scrapeInterval, logProcessing, Optional.of(parsed), scrapePublicIp);
        }
    }

    /** These settings with other crash faults (the benchmark CLI's --faults flags override the file). */
    public Settings withFaults(Faults value) {
        return withRun(new Run(run.benchmarkDuration(), value, run.dedicatedClients()));
    }

    /** These settings with another simulation seed (the benchmark CLI's --seed overrides the file). */
    public Settings withSimulationSeed(long seed) {
        return withSimulation(simulation.withSeed(seed));
    }

    public Settings withTestbed(Testbed value) {
        return new Settings(value, run, ssh, aws, vultr, locations, monitoring, simulation);
    }

    public Settings withRun(Run value) {
        return new Settings(testbed, value, ssh, aws, vultr, locations, monitoring, simulation);
    }

    public Settings withSsh(Ssh value) {
        return new Settings(testbed, run, value, aws, vultr, locations, monitoring, simulation);
    }

    public Settings withAws(Aws value) {
        return new Settings(testbed, run, ssh, value, vultr, locations, monitoring, simulation);
    }

    public Settings withVultr(Vultr value) {
        return new Settings(testbed, run, ssh, aws, value, locations, monitoring, simulation);
    }

    public Settings withLocations(Locations value) {
        return new Settings(testbed, run, ssh, aws, vultr, value, monitoring, simulation);
    }

    public Settings withMonitoring(Monitoring value) {
        return new Settings(testbed, run, ssh, aws, vultr, locations, value, simulation);
    }

    public Settings withSimulation(SimulationSettings value) {
        return new Settings(testbed, run, ssh, aws, vultr, locations, monitoring, value);
    }

    /** What runs when no settings file is given: the local testbed. */
    public static Settings defaults() {
        return new Settings(
                new Testbed("local", CloudProvider.LOCAL, List.of("local"), "", 50, Optional.empty()),
                new Run(Duration.ofSeconds(60), Faults.none(), 0),
                new Ssh(Optional.empty(), Optional.empty(), Duration.ofSeconds(30), 3),
                new Aws(Optional.empty(), false),
                new Vultr(Optional.empty(), false),
                new Locations(Optional.empty(), Optional.empty(), Optional.empty(), ".testbed", Path.of("results"),
                        Path.of("logs")),
                new Monitoring(false, Duration.ofSeconds(5), false),
                SimulationSettings.DEFAULTS);
    }
}
