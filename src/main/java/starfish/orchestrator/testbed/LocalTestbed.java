package starfish.orchestrator.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.host.InstanceStatus;
import starfish.orchestrator.runner.LocalRunner;
import starfish.orchestrator.settings.Settings;

/**
 * Virtual hosts on 127.0.0.1: each is a directory `local-<k>` under the settings' working_dir, so the testbed
 * survives between CLI invocations. A `stopped` marker file in the directory marks a stopped host.
 */
public final class LocalTestbed implements TestbedProvider {
    private static final Pattern HOST_DIR = Pattern.compile("local-(\\d+)");
    private static final String STOPPED_MARKER = "stopped";
    private static final String LOOPBACK = "127.0.0.1";

    private final Path root;
    private final LocalRunner runner;

    public LocalTestbed(Settings settings) {
        this.root = Path.of(settings.locations().workingDir()).toAbsolutePath().normalize();
        this.runner = new LocalRunner(this::directoryOf);
    }

    /** The working directory of a virtual host. */
    public Path directoryOf(Instance instance) {
        return root.resolve(instance.id());
    }

    @Override
    public synchronized List<Instance> deploy(int perRegion, Optional<String> region) {
        int next = hostIndices().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<Instance> created = new ArrayList<>();
        for (int k = next; k < next + perRegion; k++) {
            Instance instance = instance(k, InstanceStatus.ACTIVE);
            createDirectory(directoryOf(instance));
            created.add(instance);
        }
        return created;
    }

    @Override
    public List<Instance> instances() {
        return hostIndices().stream().map(k -> {
            boolean stopped = Files.exists(root.resolve(name(k)).resolve(STOPPED_MARKER));
            return instance(k, stopped ? InstanceStatus.STOPPED : InstanceStatus.ACTIVE);
        }).toList();
    }

    @Override
    public void start(int perRegion) {
        instances().stream().filter(i -> !i.isActive()).limit(perRegion)
                .forEach(i -> delete(directoryOf(i).resolve(STOPPED_MARKER)));
    }

    @Override
    public void stop() {
        for (Instance instance : instances()) {
            runner.stopAll(instance);
            try {
                Files.writeString(directoryOf(instance).resolve(STOPPED_MARKER), "");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot mark " + instance.id() + " stopped", e);
            }
        }
    }

    /** Kills every process this testbed started and removes every virtual host's directory. */
    @Override
    public void destroy() {
        runner.close();
        for (int k : hostIndices()) {
            FileTrees.delete(root.resolve(name(k)));
        }
        try (Stream<Path> rest = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            if (rest.findAny().isEmpty() && Files.exists(root)) {
                Files.delete(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }

    @Override
    public HostTraits traits() {
        return HostTraits.LOOPBACK;
    }

    @Override
    public LocalRunner commandRunner() {
        return runner;
    }

    /** Kills the processes started through this testbed; the virtual hosts stay. */
    @Override
    public void close() {
        runner.close();
    }

    private List<Integer> hostIndices() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).map(p -> HOST_DIR.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static Instance instance(int k, InstanceStatus status) {
        return new Instance(name(k), "local", LOOPBACK, LOOPBACK, status);
    }

    private static String name(int k) {
        return "local-" + k;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
