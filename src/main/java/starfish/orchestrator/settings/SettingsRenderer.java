package starfish.orchestrator.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where settings become text for people or files (console, results, reports). Credentials inside
 * repository.url are replaced by `***`; files such as token_file appear as paths, their contents are never read.
 */
public final class SettingsRenderer {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private SettingsRenderer() {
    }

    /** The settings as snake_case fields with plain values (strings, numbers, lists), secrets redacted. */
    public static Map<String, Object> toMap(Settings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("testbed_id", s.testbed().id());
        map.put("cloud_provider", s.testbed().cloudProvider().yamlName());
        putPath(map, "token_file", s.testbed().tokenFile());
        putPath(map, "ssh_private_key_file", s.ssh().privateKeyFile());
        putPath(map, "ssh_public_key_file", s.ssh().publicKeyFile());
        map.put("regions", s.testbed().regions());
        map.put("specs", s.testbed().specs());
        s.locations().repository().ifPresent(r -> map.put("repository",
                Map.of("url", SecretRedaction.redact(r.url()), "commit", r.commit())));
        putPath(map, "node_parameters_path", s.locations().nodeParametersPath());
        putPath(map, "client_parameters_path", s.locations().clientParametersPath());
        map.put("benchmark_duration", DurationText.format(s.run().benchmarkDuration()));
        map.put("faults", faults(s.run().faults()));
        map.put("working_dir", s.locations().workingDir());
        map.put("results_dir", s.locations().resultsDir().toString());
        map.put("logs_dir", s.locations().logsDir().toString());
        map.put("nvme", s.aws().nvme());
        map.put("scrape_interval", DurationText.format(s.monitoring().scrapeInterval()));
        map.put("log_processing", s.monitoring().logProcessing());
        map.put("dedicated_clients", s.run().dedicatedClients());
        map.put("monitoring", s.monitoring().enabled());
        map.put("ssh_timeout", DurationText.format(s.ssh().timeout()));
        map.put("ssh_retries", s.ssh().retries());
        map.put("ssh_command_timeout", DurationText.format(s.ssh().commandTimeout()));
        map.put("instance_lifetime", DurationText.format(s.ssh().instanceLifetime()));
        s.aws().endpointUrl().ifPresent(url -> map.put("aws_endpoint_url", SecretRedaction.redact(url)));
        s.vultr().apiUrl().ifPresent(url -> map.put("vultr_api_url", SecretRedaction.redact(url)));
        map.put("vultr_vpc", s.vultr().vpc());
        map.put("spot", s.aws().spot().yamlName());
        s.locations().preBuiltBinary().ifPresent(binary -> map.put("pre_built_binary",
                binary instanceof PreBuiltBinary.Url url ? SecretRedaction.redact(url.url())
                        : ((PreBuiltBinary.LocalFile) binary).path().toString()));
        s.monitoring().server().ifPresent(server -> map.put("monitoring_server", server.toString()));
        s.monitoring().scrapePublicIp().ifPresent(value -> map.put("monitoring_scrape_public_ip", value));
        map.put("max_instances", s.testbed().maxInstances());
        map.put("simulation_seed", s.simulation().seed());
        s.simulation().uniformLatency().ifPresent(d -> map.put("uniform_latency_ms", d.toNanos() / 1e6));
        map.put("jitter_percent", s.simulation().jitterPercent());
        map.put("uplink_mbps", s.simulation().uplinkMbps());
        map.put("cost_per_frame_us", s.simulation().costPerFrame().toNanos() / 1e3);
        map.put("cost_per_block_us", s.simulation().costPerBlock().toNanos() / 1e3);
        map.put("cost_per_kib_us", s.simulation().costPerKib().toNanos() / 1e3);
        return map;
    }

    /** The settings as YAML, secrets redacted. */
    public static String render(Settings settings) {
        try {
            return YAML.writeValueAsString(toMap(settings));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> faults(Faults faults) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (faults instanceof Faults.Permanent permanent) {
            map.put("type", "permanent");
            map.put("faults", permanent.faults());
        } else if (faults instanceof Faults.CrashRecovery crash) {
            map.put("type", "crash-recovery");
            map.put("max_faults", crash.maxFaults());
            map.put("interval", DurationText.format(crash.interval()));
        } else if (faults instanceof Faults.Outage outage) {
            map.put("type", "outage");
            map.put("start", DurationText.format(outage.start()));
            map.put("duration", DurationText.format(outage.length()));
            map.put("keep_down", outage.keepDown());
            if (outage.authorities().isEmpty()) {
                map.put("count", outage.count());
            } else {
                map.put("authorities", outage.authorities());
            }
        }
        map.put("stop", faults.stop().settingsName());
        return map;
    }

    private static void putPath(Map<String, Object> map, String field, Optional<Path> path) {
        path.ifPresent(p -> map.put(field, p.toString()));
    }
}
