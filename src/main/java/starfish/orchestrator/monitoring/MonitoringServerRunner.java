package starfish.orchestrator.monitoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.runner.CommandRunner;

/**
 * The testbed's runner, except that commands for the `monitoring_server` host go over its own SSH connection (the
 * user and key it names, none of the testbed's dead-man switch: the server is the user's, not ours to power off).
 * Closing closes the server's connection only; the testbed's runner belongs to the testbed.
 */
final class MonitoringServerRunner implements CommandRunner {
    private final CommandRunner testbed;
    private final Instance server;
    private final CommandRunner serverRunner;

    MonitoringServerRunner(CommandRunner testbed, Instance server, CommandRunner serverRunner) {
        this.testbed = testbed;
        this.server = server;
        this.serverRunner = serverRunner;
    }

    Instance server() {
        return server;
    }

    private CommandRunner of(Instance instance) {
        return instance.equals(server) ? serverRunner : testbed;
    }

    @Override
    public CommandOutput execute(Instance instance, String command) {
        return of(instance).execute(instance, command);
    }

    @Override
    public Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command) {
        List<Instance> onTestbed = new ArrayList<>(instances);
        Map<Instance, CommandOutput> outputs = new LinkedHashMap<>();
        if (onTestbed.remove(server)) {
            outputs.put(server, serverRunner.execute(server, command));
        }
        outputs.putAll(testbed.executeAll(onTestbed, command));
        return outputs;
    }

    @Override
    public void startDetached(Instance instance, String session, String command, String logFile) {
        of(instance).startDetached(instance, session, command, logFile);
    }

    @Override
    public void stopDetached(Instance instance, String session) {
        of(instance).stopDetached(instance, session);
    }

    @Override
    public void killDetached(Instance instance, String session) {
        of(instance).killDetached(instance, session);
    }

    @Override
    public void upload(Instance instance, Path local, String remotePath) {
        of(instance).upload(instance, local, remotePath);
    }

    @Override
    public void download(Instance instance, String remotePath, Path local) {
        of(instance).download(instance, remotePath, local);
    }

    @Override
    public void close() {
        serverRunner.close();
    }
}
