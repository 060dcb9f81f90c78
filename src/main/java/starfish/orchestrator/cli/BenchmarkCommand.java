package starfish.orchestrator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "benchmark", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class BenchmarkCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
