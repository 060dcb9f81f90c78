package starfish.orchestrator.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import starfish.orchestrator.settings.SecretRedaction;
import starfish.orchestrator.host.Instance;

/**
 * One task per instance on a bounded pool of daemon threads, waiting for all: every runner's parallel work goes
 * through here, so that one failing host never hides the others, and the error names all of them.
 */
public final class FanOut {

    private FanOut() {
    }

    /**
     * What `task` returned on each instance, in the instances' order. Throws a CommandFailedException naming every
     * failed host, with each failure's message; `command` (redacted) says what was being done.
     */
    public static <R> Map<Instance, R> run(List<Instance> instances, int parallelism, String command,
                                           Function<Instance, R> task) {
        if (instances.isEmpty()) {
            return Map.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, instances.size()), runnable -> {
            Thread thread = new Thread(runnable, "fan-out");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Map<Instance, Future<R>> futures = new LinkedHashMap<>();
            instances.forEach(instance -> futures.put(instance, pool.submit(() -> task.apply(instance))));
            Map<Instance, R> results = new LinkedHashMap<>();
            List<RuntimeException> failures = new ArrayList<>();
            for (Map.Entry<Instance, Future<R>> entry : futures.entrySet()) {
                try {
                    results.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    failures.add(asRuntime(entry.getKey(), command, e.getCause()));
                }
            }
            if (!failures.isEmpty()) {
                throw combined(failures, instances.size(), command);
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("all hosts", SecretRedaction.redact(command), "interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException asRuntime(Instance instance, String command, Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime
                : new CommandFailedException(instance.id(), SecretRedaction.redact(command), String.valueOf(cause),
                        null);
    }

    private static CommandFailedException combined(List<RuntimeException> failures, int hosts, String command) {
        List<String> failedHosts = new ArrayList<>();
        StringBuilder details = new StringBuilder(failures.size() + " of " + hosts + " hosts failed:");
        for (RuntimeException failure : failures) {
            failedHosts.add(failure instanceof CommandFailedException failed ? failed.host() : "?");
            details.append("\n  - ").append(failure.getMessage());
        }
        CommandFailedException combined = new CommandFailedException(String.join(", ", failedHosts),
                SecretRedaction.redact(command), details.toString(), null);
        failures.forEach(combined::addSuppressed);
        return combined;
    }
}
