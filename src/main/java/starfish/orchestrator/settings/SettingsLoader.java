package starfish.orchestrator.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a settings YAML file into Settings: `${VAR}` substitution, strict fields (unknown ones are errors),
 * human durations, and the fields each cloud provider needs. Every error is a SettingsException naming the file,
 * the line and the field.
 */
public final class SettingsLoader {
    /** Where the CLI looks when --settings-path is not given. */
    public static final Path DEFAULT_PATH = Path.of("settings.yml");

    private static final Logger LOG = LoggerFactory.getLogger(SettingsLoader.class);

    private final EnvironmentSubstitution substitution;
    private final Consumer<String> warnings;
    private final ObjectMapper mapper = yamlMapper();

    public SettingsLoader() {
        this(EnvironmentSubstitution.ofSystem(), LOG::warn);
    }

    /** For tests: `environment` resolves `${VAR}` instead of the process environment. */
    public SettingsLoader(Function<String, String> environment) {
        this(new EnvironmentSubstitution(environment), LOG::warn);
    }

    /**
     * `warnings` receives what is accepted but cannot apply (a field of the reference orchestrator that has no meaning
     * here), each naming the file, the line and the field.
     */
    public SettingsLoader(Function<String, String> environment, Consumer<String> warnings) {
        this(new EnvironmentSubstitution(environment), warnings);
    }

    private SettingsLoader(EnvironmentSubstitution substitution, Consumer<String> warnings) {
        this.substitution = substitution;
        this.warnings = warnings;
    }

    /** The settings in `path`, or the local defaults when the file does not exist. */
    public Settings loadOrDefaults(Path path) {
        return Files.exists(path) ? load(path) : Settings.defaults();
    }

    public Settings load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new SettingsException("cannot read settings file " + path + " (" + e.getClass().getSimpleName()
                    + "); check that it exists and is readable, or pass another --settings-path");
        }
        return parse(text, path.toString());
    }

    /** Parses settings text; `fileName` only names the source in error messages. */
    public Settings parse(String text, String fileName) {
        String substituted = substitution.apply(text, fileName);
        FieldLines lines = FieldLines.of(substituted);
        SettingsFile file;
        try {
            file = mapper.readValue(substituted, SettingsFile.class);
        } catch (JsonProcessingException e) {
            throw new SettingsException(describe(e, fileName, lines), null);
        }
        if (file == null) {
            return Settings.defaults();
        }
        return new SettingsAssembler(file, fileName, lines, warnings).assemble();
    }

    private static String describe(JsonProcessingException e, String fileName, FieldLines lines) {
        Optional<Integer> fieldLine = e instanceof JsonMappingException mapping
                ? lines.lineOf(fieldPath(mapping).replaceAll("\\[\\d+]", "[]")) : Optional.empty();
        Optional<Integer> line = fieldLine.or(() -> Optional.ofNullable(e.getLocation()).map(l -> l.getLineNr()));
        String where = fileName + line.map(l -> " line " + l).orElse("");
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : "; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return where + ": unknown field '" + unknown.getPropertyName() + "'" + parentOf(unknown)
                    + "; remove it or fix its spelling" + known;
        }
        if (e instanceof InvalidFormatException invalid) {
            return where + ", field '" + fieldPath(invalid) + "': " + invalid.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatch) {
            return where + ", field '" + fieldPath(mismatch) + "': expected " + expected(mismatch.getTargetType())
                    + "; fix the value's type";
        }
        if (e instanceof JsonMappingException mapping) {
            return where + ", field '" + fieldPath(mapping) + "': " + mapping.getOriginalMessage();
        }
        return where + ": not valid YAML (" + e.getOriginalMessage() + "); fix the syntax";
    }

    private static String parentOf(JsonMappingException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        if (path.size() < 2) {
            return "";
        }
        return " in '" + path.subList(0, path.size() - 1).stream().map(SettingsLoader::referenceName)
                .collect(Collectors.joining(".")) + "'";
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream().map(SettingsLoader::referenceName).collect(Collectors.joining("."));
    }

    private static String referenceName(JsonMappingException.Reference reference) {
        return reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single text value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list, like [a, b]";
        }
        return "a mapping of fields (" + type.getSimpleName() + ")";
    }

    private static ObjectMapper yamlMapper() {
        SimpleModule values = new SimpleModule("settings-values");
        values.addDeserializer(Duration.class, new HumanDurationDeserializer());
        values.addDeserializer(CloudProvider.class, new CloudProviderDeserializer());
        return YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(values)
                .build();
    }

    private static final class HumanDurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                return referenceDuration(parser);
            }
            String text = parser.getValueAsString();
            try {
                return DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(parser, e.getMessage(), text, Duration.class);
            }
        }
    }

    /** The reference's serialised durations, `{secs: 60, nanos: 0}`. */
    private static Duration referenceDuration(JsonParser parser) throws IOException {
        JsonNode node = parser.readValueAsTree();
        JsonNode secs = node.get("secs");
        JsonNode nanos = node.get("nanos");
        if (secs == null || !secs.canConvertToLong() || (nanos != null && !nanos.canConvertToLong())
                || node.size() != (nanos == null ? 1 : 2)) {
            throw InvalidFormatException.from(parser, "a duration mapping has only secs and nanos, like"
                    + " {secs: 60, nanos: 0}; or write 60s", node.toString(), Duration.class);
        }
        return Duration.ofSeconds(secs.asLong(), nanos == null ? 0 : nanos.asLong());
    }

    private static final class CloudProviderDeserializer extends JsonDeserializer<CloudProvider> {
        @Override
        public CloudProvider deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            return Arrays.stream(CloudProvider.values()).filter(p -> p.yamlName().equals(text)).findFirst()
                    .orElseThrow(() -> InvalidFormatException.from(parser, "'" + text + "' is not a cloud provider;"
                            + " write one of " + Arrays.stream(CloudProvider.values()).map(CloudProvider::yamlName)
                            .collect(Collectors.joining(", ")), text, CloudProvider.class));
        }
    }

    /** Turns the file as written into Settings: provider requirements, fault shapes, defaults. */
    private record SettingsAssembler(SettingsFile file, String fileName, FieldLines lines, Consumer<String> warnings) {

        Settings assemble() {
            Settings d = Settings.defaults();
            CloudProvider provider = or(file.cloudProvider(), d.testbed().cloudProvider());
            requireFor(provider);
            return new Settings(
                    new Settings.Testbed(or(file.testbedId(), d.testbed().id()), provider,
                            or(file.regions(), d.testbed().regions()), or(file.specs(), d.testbed().specs()),
                            or(file.maxInstances(), d.testbed().maxInstances()), path(file.tokenFile())),
                    new Settings.Run(or(file.benchmarkDuration(), d.run().benchmarkDuration()), faults(d.run().faults()),
                            or(file.dedicatedClients(), d.run().dedicatedClients())),
                    new Settings.Ssh(path(file.sshPrivateKeyFile()), publicKeyFile(),
                            or(file.sshTimeout(), d.ssh().timeout()), or(file.sshRetries(), d.ssh().retries()),
                            positive("ssh_command_timeout", or(file.sshCommandTimeout(), d.ssh().commandTimeout())),
                            positive("instance_lifetime", or(file.instanceLifetime(), d.ssh().instanceLifetime()))),
                    new Settings.Aws(Optional.ofNullable(file.awsEndpointUrl()), or(file.nvme(), d.aws().nvme()),
                            spot(provider)),
                    new Settings.Vultr(Optional.ofNullable(file.vultrApiUrl()), or(file.vultrVpc(), d.vultr().vpc())),
                    locations(d.locations()),
                    new Settings.Monitoring(or(file.monitoring(), d.monitoring().enabled()),
                            or(file.scrapeInterval(), d.monitoring().scrapeInterval()),
                            or(file.logProcessing(), d.monitoring().logProcessing()), monitoringServer(provider),
                            Optional.ofNullable(file.monitoringScrapePublicIp())),
                    simulation(d.simulation()));
        }

        /** As in the reference: without ssh_public_key_file, the private key's path plus `.pub`. */
        private Optional<Path> publicKeyFile() {
            return path(file.sshPublicKeyFile()).or(() -> path(file.sshPrivateKeyFile())
                    .map(key -> key.resolveSibling(key.getFileName() + ".pub")));
        }

        private SpotPolicy spot(CloudProvider provider) {
            if (file.spot() == null) {
                return SpotPolicy.ON_DEMAND;
            }
            SpotPolicy policy = SpotPolicy.parse(String.valueOf(file.spot())).orElseThrow(() -> new SettingsException(
                    at("spot") + ", field 'spot': '" + file.spot() + "' is not a way to buy instances; write"
                            + " on_demand, spot or mixed (or true / false)"));
            if (provider != CloudProvider.AWS && policy != SpotPolicy.ON_DEMAND) {
                warn("spot", "spot instances exist only on AWS; cloud_provider " + provider.yamlName()
                        + " ignores it");
            }
            return policy;
        }

        private Optional<MonitoringServer> monitoringServer(CloudProvider provider) {
            if (file.monitoringServer() == null) {
                return Optional.empty();
            }
            MonitoringServer server = MonitoringServer.parse(file.monitoringServer()).orElseThrow(() ->
                    new SettingsException(at("monitoring_server") + ", field 'monitoring_server': '"
                            + file.monitoringServer() + "' is not [user@]host; write it like root@monitor.example.com"));
            if (provider != CloudProvider.AWS && provider != CloudProvider.VULTR) {
                String where = provider == CloudProvider.NETNS ? "on the testbed's first host" : "on this machine";
                warn("monitoring_server", "cloud_provider " + provider.yamlName() + " has hosts on this machine,"
                        + " whose addresses no other machine reaches; monitoring runs " + where + " and " + server
                        + " is not used");
            }
            return Optional.of(server);
        }

        private Optional<PreBuiltBinary> preBuiltBinary() {
            if (file.preBuiltBinary() == null || file.preBuiltBinary().isBlank()) {
                return Optional.empty();
            }
            PreBuiltBinary binary = PreBuiltBinary.of(file.preBuiltBinary().strip());
            if (binary instanceof PreBuiltBinary.LocalFile local && !Files.isRegularFile(local.path())) {
                throw new SettingsException(at("pre_built_binary") + ", field 'pre_built_binary': no such file "
                        + local.path() + " (relative paths start from the directory the command runs in)");
            }
            if (binary instanceof PreBuiltBinary.LocalFile local && !local.isJar()) {
                warn("pre_built_binary", local.path() + " is not a starfish jar (the reference's Rust binary cannot"
                        + " run on this validator's hosts); hosts build from repository instead, or pass"
                        + " --upload-local-build");
                return Optional.empty();
            }
            return Optional.of(binary);
        }

        private void warn(String field, String why) {
            warnings.accept(at(field) + ", field '" + field + "': " + why);
        }

        private Settings.Locations locations(Settings.Locations d) {
            if (file.parametersPath() != null) {
                warn("parameters_path", "this is the reference validator's unified parameters file, which this"
                        + " validator does not read; ignored (use node_parameters_path and client_parameters_path)");
            }
            return new Settings.Locations(repository(), preBuiltBinary(),
                    existingFile("node_parameters_path", file.nodeParametersPath()),
                    existingFile("client_parameters_path", file.clientParametersPath()),
                    or(file.workingDir(), d.workingDir()),
                    file.resultsDir() == null ? d.resultsDir() : Path.of(file.resultsDir()),
                    file.logsDir() == null ? d.logsDir() : Path.of(file.logsDir()));
        }

        private SimulationSettings simulation(SimulationSettings d) {
            return new SimulationSettings(or(file.simulationSeed(), d.seed()),
                    Optional.ofNullable(file.uniformLatencyMs()).map(ms -> micros("uniform_latency_ms", ms * 1000)),
                    nonNegative("jitter_percent", or(file.jitterPercent(), d.jitterPercent()), 100),
                    nonNegative("uplink_mbps", or(file.uplinkMbps(), d.uplinkMbps()), Double.MAX_VALUE),
                    file.costPerFrameUs() == null ? d.costPerFrame() : micros("cost_per_frame_us", file.costPerFrameUs()),
                    file.costPerBlockUs() == null ? d.costPerBlock() : micros("cost_per_block_us", file.costPerBlockUs()),
                    file.costPerKibUs() == null ? d.costPerKib() : micros("cost_per_kib_us", file.costPerKibUs()));
        }

        private Duration positive(String field, Duration value) {
            if (value.toSeconds() < 1) {
                throw new SettingsException(at(field) + ", field '" + field + "': must be at least 1s, was "
                        + DurationText.format(value));
            }
            return value;
        }

        private Duration micros(String field, double micros) {
            return Duration.ofNanos(Math.round(nonNegative(field, micros, Double.MAX_VALUE) * 1000));
        }

        private double nonNegative(String field, double value, double below) {
            if (value < 0 || value >= below || Double.isNaN(value)) {
                throw new SettingsException(at(field) + ", field '" + field + "': must be at least 0"
                        + (below < Double.MAX_VALUE ? " and below " + below : "") + ", was " + value);
            }
            return value;
        }

        private void requireFor(CloudProvider provider) {
            Map<String, Object> given = new HashMap<>();
            given.put("testbed_id", file.testbedId());
            given.put("regions", file.regions());
            given.put("specs", file.specs());
            given.put("token_file", file.tokenFile());
            given.put("ssh_private_key_file", file.sshPrivateKeyFile());
            given.put("ssh_public_key_file", file.sshPublicKeyFile());
            provider.requiredFields().forEach(field -> require(provider, field, given.get(field)));
            if (file.testbedId() != null && !TestbedId.isValid(file.testbedId())) {
                throw new SettingsException(at("testbed_id") + ", field 'testbed_id': '" + file.testbedId() + "' "
                        + TestbedId.RULE);
            }
            if (file.regions() != null && file.regions().isEmpty()) {
                throw new SettingsException(at("regions") + ", field 'regions': the list is empty; name at least"
                        + " one region");
            }
        }

        private void require(CloudProvider provider, String field, Object value) {
            if (value == null) {
                throw new SettingsException(at("cloud_provider") + ", field '" + field + "' is missing: cloud_provider "
                        + provider.yamlName() + " needs it; add `" + field + ": ...` (see assets/settings-template.yml)");
            }
            if (value instanceof String text && text.isBlank()) {
                throw new SettingsException(at(field) + ", field '" + field + "' is empty: cloud_provider "
                        + provider.yamlName() + " needs it; give it a value (see assets/settings-template.yml)");
            }
        }

        private Optional<Repository> repository() {
            SettingsFile.RepositoryEntry entry = file.repository();
            if (entry == null) {
                return Optional.empty();
            }
            if (entry.url() == null || entry.commit() == null) {
                String missing = entry.url() == null ? "repository.url" : "repository.commit";
                throw new SettingsException(at("repository") + ", field '" + missing + "' is missing; give both"
                        + " url and commit (a branch, tag or hash)");
            }
            return Optional.of(new Repository(entry.url(), entry.commit()));
        }

        private Faults faults(Faults fallback) {
            SettingsFile.FaultsEntry written = file.faults();
            if (written == null) {
                return fallback;
            }
            SettingsFile.FaultsEntry entry = written.permanent() != null ? written.permanent()
                    : written.crashRecovery() != null ? written.crashRecovery() : written;
            boolean recovery = written.crashRecovery() != null || entry.maxFaults() != null || entry.interval() != null;
            String type = entry.type() != null ? entry.type() : recovery ? "crash-recovery" : "permanent";
            CrashStop stop = entry.stop() == null ? CrashStop.KILL : CrashStop.parse(entry.stop()).orElseThrow(() ->
                    new SettingsException(at("faults") + ", field 'faults.stop': '" + entry.stop()
                            + "' is not a way to stop a validator; write kill or graceful"));
            return switch (type) {
                case "permanent" -> new Faults.Permanent(nonNegative("faults.faults", or(entry.faults(), 0)), stop);
                case "crash-recovery" -> {
                    if (entry.maxFaults() == null || entry.interval() == null) {
                        throw new SettingsException(at("faults") + ", field 'faults': crash-recovery needs max_faults"
                                + " and interval, like {type: crash-recovery, max_faults: 1, interval: 60s}");
                    }
                    yield new Faults.CrashRecovery(nonNegative("faults.max_faults", entry.maxFaults()),
                            entry.interval(), stop);
                }
                case "outage" -> outage(entry, stop);
                default -> throw new SettingsException(at("faults") + ", field 'faults.type': '" + type
                        + "' is not a fault type; write permanent, crash-recovery or outage");
            };
        }

        private Faults outage(SettingsFile.FaultsEntry entry, CrashStop stop) {
            boolean keepDown = or(entry.keepDown(), false);
            if (entry.start() == null || (entry.duration() == null && !keepDown)) {
                throw new SettingsException(at("faults") + ", field 'faults': an outage needs start and duration,"
                        + " like {type: outage, start: 30s, duration: 60s, authorities: [1, 2]}");
            }
            try {
                return new Faults.Outage(entry.start(), or(entry.duration(), Duration.ZERO), keepDown,
                        or(entry.authorities(), List.of()), nonNegative("faults.count", or(entry.count(), 0)), stop);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(at("faults") + ", field 'faults': " + e.getMessage());
            }
        }

        private int nonNegative(String field, int value) {
            if (value < 0) {
                throw new SettingsException(at("faults") + ", field '" + field + "': must not be negative, was "
                        + value);
            }
            return value;
        }

        /** A parameter file is read only when validators boot: a wrong path must fail here, before anything starts. */
        private Optional<Path> existingFile(String field, String text) {
            Optional<Path> path = path(text);
            if (path.isPresent() && !Files.isRegularFile(path.get())) {
                throw new SettingsException(at(field) + ", field '" + field + "': no such file " + path.get()
                        + " (relative paths start from the directory the command runs in)");
            }
            return path;
        }

        private String at(String field) {
            return fileName + lines.lineOf(field).map(line -> " line " + line).orElse("");
        }

        private static Optional<Path> path(String text) {
            return Optional.ofNullable(text).map(Path::of);
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }
}
