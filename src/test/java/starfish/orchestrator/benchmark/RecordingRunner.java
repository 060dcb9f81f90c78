package starfish.orchestrator.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.runner.CommandRunner;
import starfish.orchestrator.host.Instance;

/**
 * Records the commands and uploads of a run without running anything. Starting a validator fails the run: by then
 * install, update and configure are done, which is what a test of those steps needs.
 */
final class RecordingRunner implements CommandRunner {
    static final String BOOT_REACHED = "the run reached the boot step";

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<String> uploads = Collections.synchronizedList(new ArrayList<>());

    /** Each command once, however many hosts ran it; an upload as `upload <remote path>`. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    /** Every upload as `<remote path> to <instance id>`. */
    List<String> uploads() {
        return List.copyOf(uploads);
    }

    @Override
    public CommandOutput execute(Instance instance, String command) {
        commands.add(command);
        return new CommandOutput("", "", 0);
    }

    @Override
    public Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command) {
        commands.add(command);
        Map<Instance, CommandOutput> outputs = new LinkedHashMap<>();
        instances.forEach(instance -> outputs.put(instance, new CommandOutput("", "", 0)));
        return outputs;
    }

    @Override
    public void startDetached(Instance instance, String session, String command, String logFile) {
        throw new IllegalStateException(BOOT_REACHED);
    }

    @Override
    public void stopDetached(Instance instance, String session) {
    }

    @Override
    public void killDetached(Instance instance, String session) {
    }

    @Override
    public void upload(Instance instance, Path local, String remotePath) {
        commands.add("upload " + remotePath);
        uploads.add(remotePath + " to " + instance.id());
    }

    @Override
    public void download(Instance instance, String remotePath, Path local) {
    }

    @Override
    public void close() {
    }
}
