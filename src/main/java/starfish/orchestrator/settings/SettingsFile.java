package starfish.orchestrator.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * The settings file exactly as written: every field may be absent (null). SettingsLoader checks what the chosen
 * provider needs and fills the rest from Settings.defaults().
 */
record SettingsFile(
        String testbedId,
        CloudProvider cloudProvider,
        String tokenFile,
        String sshPrivateKeyFile,
        String sshPublicKeyFile,
        List<String> regions,
        String specs,
        RepositoryEntry repository,
        String nodeParametersPath,
        String clientParametersPath,
        Duration benchmarkDuration,
        FaultsEntry faults,
        String workingDir,
        String resultsDir,
        String logsDir,
        Boolean nvme,
        Duration scrapeInterval,
        Boolean logProcessing,
        Integer dedicatedClients,
        Boolean monitoring,
        Duration sshTimeout,
        Integer sshRetries,
        Duration sshCommandTimeout,
        Duration instanceLifetime,
        String awsEndpointUrl,
        String vultrApiUrl,
        Integer maxInstances,
        Boolean vultrVpc,
        Long simulationSeed,
        Double uniformLatencyMs,
        Double jitterPercent,
        Double uplinkMbps,
        Double costPerFrameUs,
        Double costPerBlockUs,
        Double costPerKibUs,
        // fields of the newer reference orchestrator
        Object spot,
        String preBuiltBinary,
        String monitoringServer,
        Boolean monitoringScrapePublicIp,
        String parametersPath) {

    record RepositoryEntry(String url, String commit) {
    }

    /**
     * `{type: permanent, faults: K}` or `{type: crash-recovery, max_faults: K, interval: 60s}`, either with
     * `stop: kill` (the default) or `stop: graceful`; or one outage, `{type: outage, start: 30s, duration: 60s,
     * authorities: [1, 2]}` (or `count: K` instead of authorities; `keep_down: true` never restarts them). The reference's own spellings load too: the tagged
     * `!Permanent {faults: K}` and `!CrashRecovery {max_faults: K, interval: {secs: 60, nanos: 0}}` (the tag says
     * nothing the fields do not), and the single-key mappings `{Permanent: {...}}` and `{CrashRecovery: {...}}`.
     */
    record FaultsEntry(String type, Integer faults, Integer maxFaults, Duration interval, String stop,
                       Duration start, Duration duration, List<Integer> authorities, Integer count, Boolean keepDown,
                       @JsonProperty("Permanent") FaultsEntry permanent,
                       @JsonProperty("CrashRecovery") FaultsEntry crashRecovery) {
    }
}
