package starfish.orchestrator.runner;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import starfish.orchestrator.settings.SecretRedaction;
import starfish.orchestrator.host.Instance;

/**
 * Runs commands on local virtual hosts with `sh -c`, each host in its own working directory. Detached commands are
 * child processes of this JVM, tracked per host and session so that stopping them also ends their descendants.
 */
public final class LocalRunner implements CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    private static final int PARALLELISM = 4;
    private static final long GRACE_SECONDS = 10;
    private static final int STDERR_TAIL = 2_000;

    private final Function<Instance, Path> workingDirectory;
    private final Map<String, Process> detached = new ConcurrentHashMap<>();

    /** `workingDirectory` gives each instance's directory; it must exist before commands run there. */
    public LocalRunner(Function<Instance, Path> workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public CommandOutput execute(Instance instance, String command) {
        Path dir = workingDirectory.apply(instance);
        try {
            Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).start();
            process.getOutputStream().close();
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            CommandOutput output = new CommandOutput(stdout, stderr.join(), exit);
            if (exit != 0) {
                throw new CommandFailedException(instance.id(), SecretRedaction.redact(command),
                        "exit code " + exit + ", stderr: " + SecretRedaction.redact(tail(output.stderr())), null);
            }
            return output;
        } catch (IOException e) {
            throw new CommandFailedException(instance.id(), SecretRedaction.redact(command),
                    "cannot start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException(instance.id(), SecretRedaction.redact(command), "interrupted", e);
        }
    }

    @Override
    public Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command) {
        return FanOut.run(instances, PARALLELISM, command, instance -> execute(instance, command));
    }

    @Override
    public void startDetached(Instance instance, String session, String command, String logFile) {
        Path dir = workingDirectory.apply(instance);
        File log = dir.resolve(logFile).toFile();
        stopDetached(instance, session);
        try {
            Process process = new ProcessBuilder("sh", "-c", command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
            process.getOutputStream().close();
            detached.put(key(instance, session), process);
            LOG.debug("started {} on {} as pid {}", session, instance.id(), process.pid());
        } catch (IOException e) {
            throw new CommandFailedException(instance.id(), SecretRedaction.redact(command),
                    "cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public void stopDetached(Instance instance, String session) {
        Process process = detached.remove(key(instance, session));
        if (process != null) {
            terminateTree(process.toHandle());
        }
    }

    /** Whether a detached session still runs (the shell or any of its descendants). */
    public boolean isRunning(Instance instance, String session) {
        Process process = detached.get(key(instance, session));
        return process != null && (process.isAlive() || process.descendants().anyMatch(ProcessHandle::isAlive));
    }

    @Override
    public void upload(Instance instance, Path local, String remotePath) {
        copy(local, resolve(instance, remotePath));
    }

    @Override
    public void download(Instance instance, String remotePath, Path local) {
        copy(resolve(instance, remotePath), local);
    }

    /** Stops every detached command of one instance. */
    public void stopAll(Instance instance) {
        String prefix = instance.id() + "/";
        detached.keySet().stream().filter(k -> k.startsWith(prefix)).toList()
                .forEach(k -> terminateTree(detached.remove(k).toHandle()));
    }

    /** Stops every detached command this runner started. */
    @Override
    public void close() {
        List<String> keys = List.copyOf(detached.keySet());
        keys.forEach(k -> {
            Process process = detached.remove(k);
            if (process != null) {
                terminateTree(process.toHandle());
            }
        });
    }

    /** SIGTERM to the whole tree (validators flush their logs on it), SIGKILL to whatever outlives the grace time. */
    private static void terminateTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private Path resolve(Instance instance, String path) {
        return workingDirectory.apply(instance).resolve(path);
    }

    private static void copy(Path from, Path to) {
        try {
            if (to.getParent() != null) {
                Files.createDirectories(to.getParent());
            }
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= STDERR_TAIL ? trimmed : "..." + trimmed.substring(trimmed.length() - STDERR_TAIL);
    }

    private static String key(Instance instance, String session) {
        return instance.id() + "/" + session;
    }
}
