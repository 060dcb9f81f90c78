package starfish.node.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import starfish.node.crypto.PublicKey;
import starfish.node.crypto.SigningKey;

/**
 * Reads and writes the genesis files (committee.json, public-config.json, private-config-i.json) and the optional
 * parameter files. Errors name the file and what is wrong in it.
 */
public final class ConfigFiles {

    /** committee.json: who votes with which key and stake. */
    record CommitteeFile(List<AuthorityEntry> authorities) {
    }

    record AuthorityEntry(int index, int stake, String publicKey) {
    }

    /** public-config.json: where each authority listens. */
    record PublicConfigFile(List<Identifier> identifiers) {
    }

    record Identifier(int index, String host, int consensusPort, int metricsPort) {
    }

    /** private-config-i.json: the authority's own signing key seed (never logged). */
    record PrivateConfigFile(int authority, String privateKeySeed) {
    }

    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private ConfigFiles() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * Writes a committee with fresh keys drawn from `random`: every testbed its own, so that nobody who has read
     * this code can sign as one of its validators. Each private file is readable by its owner alone.
     */
    public static void writeGenesis(Path directory, List<String> hosts, int basePort, SecureRandom random)
            throws IOException {
        int n = hosts.size();
        Files.createDirectories(directory);
        List<AuthorityEntry> authorities = new ArrayList<>();
        List<Identifier> identifiers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] seed = SigningKey.randomSeed(random);
            authorities.add(new AuthorityEntry(i, 1, SigningKey.fromSeed(seed).publicKey().hex()));
            identifiers.add(new Identifier(i, hosts.get(i), basePort + i, basePort + n + i));
            writeOwnerOnly(directory.resolve(privateConfigFile(i)), new PrivateConfigFile(i, HexFormat.of().formatHex(seed)));
        }
        JSON.writeValue(directory.resolve("committee.json").toFile(), new CommitteeFile(authorities));
        JSON.writeValue(directory.resolve("public-config.json").toFile(), new PublicConfigFile(identifiers));
    }

    /** The name of authority `i`'s private key file. */
    public static String privateConfigFile(int authority) {
        return "private-config-" + authority + ".json";
    }

    /** Created with mode 0600 before any byte is written, so that the secret is never readable by others. */
    private static void writeOwnerOnly(Path file, Object value) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.writeValue(out, value);
        }
    }

    public static Committee readCommittee(Path committeePath, Path publicConfigPath) {
        CommitteeFile committee = read(committeePath, CommitteeFile.class);
        PublicConfigFile config = read(publicConfigPath, PublicConfigFile.class);
        if (committee.authorities() == null || config.identifiers() == null
                || committee.authorities().size() != config.identifiers().size()) {
            throw new ConfigException(committeePath + " and " + publicConfigPath
                    + " must list the same number of authorities");
        }
        List<Authority> authorities = new ArrayList<>();
        for (int i = 0; i < committee.authorities().size(); i++) {
            AuthorityEntry entry = committee.authorities().get(i);
            Identifier id = config.identifiers().get(i);
            if (entry.index() != i || id.index() != i) {
                throw new ConfigException(committeePath + " / " + publicConfigPath + ": entry " + i
                        + " must have index " + i);
            }
            try {
                authorities.add(new Authority(i, entry.stake(), PublicKey.fromHex(entry.publicKey()), id.host(),
                        id.consensusPort(), id.metricsPort()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ConfigException(committeePath + ": authority " + i + ": " + e.getMessage(), e);
            }
        }
        return new Committee(authorities);
    }

    public static SigningKey readSigningKey(Path privateConfigPath, int expectedAuthority) {
        PrivateConfigFile file = read(privateConfigPath, PrivateConfigFile.class);
        if (file.authority() != expectedAuthority) {
            throw new ConfigException(privateConfigPath + ": field authority is " + file.authority()
                    + " but --authority is " + expectedAuthority);
        }
        try {
            byte[] seed = HexFormat.of().parseHex(file.privateKeySeed());
            if (seed.length != 32) {
                throw new IllegalArgumentException("wrong length");
            }
            return SigningKey.fromSeed(seed);
        } catch (IllegalArgumentException | NullPointerException e) {
            // the message deliberately omits the value: it is a secret
            throw new ConfigException(privateConfigPath + ": field private_key_seed must be 64 hex digits");
        }
    }

    public static NodeParameters readNodeParameters(Path path) {
        return path == null ? NodeParameters.DEFAULTS : overlay(path, NodeParameters.DEFAULTS, NodeParameters.class);
    }

    public static ClientParameters readClientParameters(Path path) {
        return path == null ? ClientParameters.DEFAULTS
                : overlay(path, ClientParameters.DEFAULTS, ClientParameters.class);
    }

    /** Fields present in the file replace the defaults; an unknown field is an error naming it. */
    private static <T> T overlay(Path path, T defaults, Class<T> type) {
        ObjectMapper mapper = mapperFor(path);
        try {
            ObjectNode merged = mapper.valueToTree(defaults);
            JsonNode given = mapper.readTree(path.toFile());
            if (given != null && !given.isMissingNode() && !given.isNull()) {
                if (!given.isObject()) {
                    throw new ConfigException(path + ": expected a mapping of parameter names to values");
                }
                for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!merged.has(name)) {
                        throw new ConfigException(path + ": unknown field '" + name + "'; known fields: "
                                + iterableToString(merged.fieldNames()));
                    }
                    merged.set(name, given.get(name));
                }
            }
            return mapper.treeToValue(merged, type);
        } catch (IOException e) {
            throw new ConfigException(path + ": " + rootMessage(e), e);
        }
    }

    private static <T> T read(Path path, Class<T> type) {
        try {
            return mapperFor(path).readValue(path.toFile(), type);
        } catch (IOException e) {
            throw new ConfigException(path + ": " + rootMessage(e), e);
        }
    }

    private static ObjectMapper mapperFor(Path path) {
        String name = path.getFileName().toString().toLowerCase();
        return name.endsWith(".yml") || name.endsWith(".yaml") ? YAML : JSON;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static String iterableToString(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return String.join(", ", list);
    }
}
