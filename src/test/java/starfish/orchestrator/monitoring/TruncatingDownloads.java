package starfish.orchestrator.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import starfish.orchestrator.host.Instance;
import starfish.orchestrator.runner.CommandOutput;
import starfish.orchestrator.runner.CommandRunner;

/**
 * A real runner whose downloads lose their second half, as a connection that drops mid-file leaves them: the fault
 * the collector must notice rather than present as a complete copy.
 */
final class TruncatingDownloads implements CommandRunner {
    private final CommandRunner runner;

    TruncatingDownloads(CommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public void download(Instance instance, String remotePath, Path local) {
        runner.download(instance, remotePath, local);
        try (FileChannel file = FileChannel.open(local, StandardOpenOption.WRITE)) {
            file.truncate(file.size() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CommandOutput execute(Instance instance, String command) {
        return runner.execute(instance, command);
    }

    @Override
    public Map<Instance, CommandOutput> executeAll(List<Instance> instances, String command) {
        return runner.executeAll(instances, command);
    }

    @Override
    public void startDetached(Instance instance, String session, String command, String logFile) {
        runner.startDetached(instance, session, command, logFile);
    }

    @Override
    public void stopDetached(Instance instance, String session) {
        runner.stopDetached(instance, session);
    }

    @Override
    public void killDetached(Instance instance, String session) {
        runner.killDetached(instance, session);
    }

    @Override
    public void upload(Instance instance, Path local, String remotePath) {
        runner.upload(instance, local, remotePath);
    }

    /** The wrapped runner is closed by its owner. */
    @Override
    public void close() {
    }
}
