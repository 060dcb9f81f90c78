package starfish.orchestrator.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The orchestrator's settings (the reference `Settings`), read from YAML with snake_case field names.
 * Field names and types are a contract shared by the testbed providers, the CLI and the JUnit extension.
 */
public record Settings(
        String testbedId,
        CloudProvider cloudProvider,
        Optional<Path> tokenFile,
        Optional<Path> sshPrivateKeyFile,
        Optional<Path> sshPublicKeyFile,
        List<String> regions,
        String specs,
        Optional<Repository> repository,
        Optional<Path> nodeParametersPath,
        Optional<Path> clientParametersPath,
        Duration benchmarkDuration,
        Faults faults,
        String workingDir,
        Path resultsDir,
        Path logsDir,
        boolean nvme,
        Duration scrapeInterval,
        boolean logProcessing,
        int dedicatedClients,
        boolean monitoring,
        Duration sshTimeout,
        int sshRetries,
        Optional<String> awsEndpointUrl,
        Optional<String> vultrApiUrl,
        int maxInstances,
        boolean vultrVpc,
        SimulationSettings simulation) {

    /** These settings with other crash faults (the benchmark CLI's --faults flags override the file). */
    public Settings withFaults(Faults value) {
        return new Settings(testbedId, cloudProvider, tokenFile, sshPrivateKeyFile, sshPublicKeyFile, regions, specs,
                repository, nodeParametersPath, clientParametersPath, benchmarkDuration, value, workingDir,
                resultsDir, logsDir, nvme, scrapeInterval, logProcessing, dedicatedClients, monitoring, sshTimeout,
                sshRetries, awsEndpointUrl, vultrApiUrl, maxInstances, vultrVpc, simulation);
    }

    /** These settings with another simulation seed (the benchmark CLI's --seed overrides the file). */
    public Settings withSimulationSeed(long seed) {
        return new Settings(testbedId, cloudProvider, tokenFile, sshPrivateKeyFile, sshPublicKeyFile, regions, specs,
                repository, nodeParametersPath, clientParametersPath, benchmarkDuration, faults, workingDir,
                resultsDir, logsDir, nvme, scrapeInterval, logProcessing, dedicatedClients, monitoring, sshTimeout,
                sshRetries, awsEndpointUrl, vultrApiUrl, maxInstances, vultrVpc, simulation.withSeed(seed));
    }

    /** What runs when no settings file is given: the local testbed. */
    public static Settings defaults() {
        return new Settings("local", CloudProvider.LOCAL, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("local"), "", Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(60), Faults.none(), ".testbed", Path.of("results"), Path.of("logs"), false,
                Duration.ofSeconds(5), false, 0, false, Duration.ofSeconds(30), 3, Optional.empty(),
                Optional.empty(), 50, false, SimulationSettings.DEFAULTS);
    }
}
