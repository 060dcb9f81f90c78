package starfish.orchestrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "testbed", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class TestbedCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
