package starfish.orchestrator.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The processes living in a network namespace: what `stop` halts (sshd, validators, tmux) and `destroy` ends. */
final class NamespaceProcesses {
    private static final long GRACE_MILLIS = 5_000;
    private static final long POLL_MILLIS = 50;

    private NamespaceProcesses() {
    }

    static List<String> pids(String namespace) {
        HostCommands.Result result = HostCommands.attempt("ip", "netns", "pids", namespace);
        return result.succeeded() ? result.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
    }

    /** Stops every process of a named namespace. */
    static void stopAll(String namespace) {
        stop(() -> pids(namespace));
    }

    /**
     * Stops every process sharing the network namespace of `pid`: how processes are found once their namespace
     * lost its name (deleted while they still ran). Never touches the orchestrator's own namespace.
     */
    static void stopAllBeside(String pid) {
        Optional<String> network = networkOf(pid);
        if (network.isEmpty() || network.equals(networkOf("self"))) {
            return;
        }
        stop(() -> {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                return processes.map(path -> path.getFileName().toString()).filter(name -> name.matches("\\d+"))
                        .filter(other -> networkOf(other).equals(network)).toList();
            } catch (IOException e) {
                return List.of();
            }
        });
    }

    private static Optional<String> networkOf(String pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", pid, "ns", "net")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** SIGTERM to all, a grace period for clean shutdown, then SIGKILL to whatever is left. */
    private static void stop(Supplier<List<String>> processes) {
        List<String> pids = processes.get();
        if (pids.isEmpty()) {
            return;
        }
        signal("-TERM", pids);
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (!processes.get().isEmpty() && System.currentTimeMillis() < deadline) {
            pause();
        }
        List<String> left = processes.get();
        if (!left.isEmpty()) {
            signal("-KILL", left);
            while (left.stream().anyMatch(pid -> Files.exists(Path.of("/proc", pid)))
                    && System.currentTimeMillis() < deadline + GRACE_MILLIS) {
                pause();
            }
        }
    }

    private static void signal(String signal, List<String> pids) {
        String[] argv = new String[pids.size() + 2];
        argv[0] = "kill";
        argv[1] = signal;
        for (int i = 0; i < pids.size(); i++) {
            argv[i + 2] = pids.get(i);
        }
        HostCommands.attempt(argv);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetnsException("interrupted while stopping processes", e);
        }
    }
}
