package starfish.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "node", mixinStandardHelpOptions = true, description = "Not implemented yet.")
public final class NodeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
