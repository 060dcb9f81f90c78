package starfish.orchestrator.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.host.Instance;

/**
 * Runs shell commands on testbed instances: LocalRunner (ProcessBuilder) for the local testbed, SshRunner (sshj)
 * for the remote ones. Commands run in the instance's working directory. Implementations never log secrets.
 */
public interface CommandRunner extends AutoCloseable {
    /** Enough for every validator of a large committee at once; each stop mostly waits. */
    int MAX_PARALLEL_STOPS = 32;

    /** Runs `command` to completion; a non-zero exit throws CommandFailedException. */
    CommandOutput execute(Instance instance, String command);

    /** Runs `command` on every instance in parallel (bounded); throws naming every host that failed. */
    Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command);

    /** Starts a long-running command detached under `session`, its output appended to `logFile`; returns at once. */
    void startDetached(Instance instance, String session, String command, String logFile);

    /** Stops what `startDetached` started under `session`; no error when nothing runs. */
    void stopDetached(Instance instance, String session);

    /**
     * Stops one detached session on each instance, in parallel: each may take a second or two to shut down
     * cleanly, and one after another adds up. Throws naming every host that failed.
     */
    default void stopAllDetached(Map<Instance, String> sessions) {
        FanOut.run(List.copyOf(sessions.keySet()), MAX_PARALLEL_STOPS, "stop detached sessions", instance -> {
            stopDetached(instance, sessions.get(instance));
            return instance;
        });
    }

    /** Copies a local file to `remotePath` (relative paths are under the working directory). */
    void upload(Instance instance, Path local, String remotePath);

    /** Copies `remotePath` from the instance into a local file. */
    void download(Instance instance, String remotePath, Path local);

    @Override
    void close();
}
