package starfish.orchestrator.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import starfish.orchestrator.testbed.FileTrees;

/**
 * Copies a testbed's Prometheus data into `results_dir/monitoring/<testbed id>/<UTC time>/`: a TSDB snapshot taken
 * on the monitoring host, downloaded with progress, checked against the host's size and SHA-256, unpacked, and
 * described by a README.md that says how to open it. The directory carries its final name only once all of this
 * succeeded; until then it is `<UTC time>.partial`, and a failure leaves there what arrived with an INCOMPLETE.md.
 */
public final class MonitoringCollector {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long PROGRESS_PERIOD_MILLIS = 2_000;

    private final Path resultsDir;
    private final Clock clock;
    private final Consumer<String> console;

    public MonitoringCollector(Path resultsDir, Clock clock, Consumer<String> console) {
        this.resultsDir = resultsDir;
        this.clock = clock;
        this.console = console;
    }

    /** Collects the data `source` holds for testbed `testbedId`; throws {@link MonitoringCollectionException}. */
    public CollectedMonitoring collect(String testbedId, SnapshotSource source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path target = resultsDir.resolve("monitoring").resolve(testbedId).resolve(STAMP.format(now));
        console.accept("Taking a snapshot of Prometheus on " + source.host().id() + " (" + source.host().publicIp()
                + ")");
        HostSnapshot host = new HostSnapshot(source);
        HostSnapshot.Archive archive = host.take();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(partial);
            CollectedMonitoring copy = download(source, archive, partial);
            write(partial.resolve(SnapshotReadme.FILE),
                    SnapshotReadme.render(testbedId, source.host().id(), now, copy));
            write(partial.resolve("collection.json"), metadata(testbedId, source, archive, now, copy));
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            CollectedMonitoring collected = new CollectedMonitoring(target, copy.bytes(), copy.files(), copy.span());
            console.accept("Monitoring data of testbed " + testbedId + " is in " + target + " ("
                    + ByteCount.format(collected.bytes()) + "); open it with:");
            console.accept("  " + collected.openCommand("127.0.0.1:9090"));
            return collected;
        } catch (IOException | RuntimeException e) {
            throw failed(partial, e);
        } finally {
            host.remove(archive);
        }
    }

    private CollectedMonitoring download(SnapshotSource source, HostSnapshot.Archive archive, Path partial)
            throws IOException {
        Path local = partial.resolve("snapshot.tar.gz");
        console.accept("Downloading the snapshot (" + ByteCount.format(archive.bytes()) + ") into " + partial);
        try (DownloadProgress progress = DownloadProgress.watch(local, archive.bytes(), console,
                PROGRESS_PERIOD_MILLIS)) {
            source.runner().download(source.host(), archive.path(), local);
        }
        verify(local, archive);
        unpack(local, partial);
        Files.move(partial.resolve(archive.snapshotName()), partial.resolve(CollectedMonitoring.SNAPSHOT));
        Files.delete(local);
        write(partial.resolve(CollectedMonitoring.CONFIG),
                new PrometheusConfig(Duration.ofMinutes(1), List.of()).render());
        return describe(partial);
    }

    private static void verify(Path local, HostSnapshot.Archive archive) throws IOException {
        long size = Files.size(local);
        if (size != archive.bytes()) {
            throw new IOException("the download has " + size + " bytes, the host's archive " + archive.bytes());
        }
        String sum = sha256(local);
        if (!sum.equals(archive.sha256())) {
            throw new IOException("the download's SHA-256 is " + sum + ", the host's archive's " + archive.sha256());
        }
    }

    private static void unpack(Path archive, Path into) throws IOException {
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!tar.waitFor(10, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IOException("cannot unpack " + archive + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            tar.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking " + archive, e);
        }
    }

    /** The copy's size, file count and span (from its blocks' meta.json). */
    private static CollectedMonitoring describe(Path directory) throws IOException {
        Path snapshot = directory.resolve(CollectedMonitoring.SNAPSHOT);
        long bytes = 0;
        int files = 0;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        try (Stream<Path> walk = Files.walk(snapshot)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
                files++;
                if (file.getFileName().toString().equals("meta.json")) {
                    JsonNode meta = JSON.readTree(file.toFile());
                    from = Math.min(from, meta.path("minTime").asLong(Long.MAX_VALUE));
                    to = Math.max(to, meta.path("maxTime").asLong(Long.MIN_VALUE));
                }
            }
        }
        Optional<CollectedMonitoring.TimeSpan> span = from <= to
                ? Optional.of(new CollectedMonitoring.TimeSpan(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to)))
                : Optional.empty();
        return new CollectedMonitoring(directory, bytes, files, span);
    }

    private static String metadata(String testbedId, SnapshotSource source, HostSnapshot.Archive archive,
                                   Instant collectedAt, CollectedMonitoring copy) throws IOException {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("testbed_id", testbedId);
        facts.put("monitoring_host", source.host().id());
        facts.put("collected_at", collectedAt.toString());
        facts.put("snapshot", archive.snapshotName());
        facts.put("archive_sha256", archive.sha256());
        facts.put("bytes", copy.bytes());
        facts.put("files", copy.files());
        copy.span().ifPresent(span -> {
            facts.put("from", span.from().toString());
            facts.put("to", span.to().toString());
        });
        facts.put("open_with", CollectedMonitoring.openCommand(Path.of("."), "127.0.0.1:9090"));
        return JSON.writeValueAsString(facts) + "\n";
    }

    /** Marks `partial` incomplete when anything arrived there, removes it when nothing did. */
    private static MonitoringCollectionException failed(Path partial, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Optional<Path> kept = Optional.empty();
        try {
            if (Files.isDirectory(partial) && hasFiles(partial)) {
                write(partial.resolve(SnapshotReadme.INCOMPLETE), SnapshotReadme.incomplete(reason));
                kept = Optional.of(partial);
            } else if (Files.isDirectory(partial)) {
                FileTrees.delete(partial);
            }
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
        return new MonitoringCollectionException("collecting the monitoring data failed: " + reason, kept, cause);
    }

    private static boolean hasFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
