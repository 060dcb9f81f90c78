package starfish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path directory;

    @Test
    void theNodeCommandLineHoldsOnlyTheNodeCommands() {
        assertThat(Main.nodeCommandLine().getSubcommands()).containsOnlyKeys("node");
        assertThat(Main.commandLine().getSubcommands()).containsOnlyKeys("testbed", "benchmark", "benchmark-outage",
                "benchmark-stability", "benchmark-sweep", "summarize", "simulate", "ceiling", "node");
    }

    @Test
    void theNodeCommandLineRunsANodeCommand() {
        assertThat(Main.nodeCommandLine().execute("node", "genesis", "--ips", "127.0.0.1",
                "--working-directory", directory.toString())).isZero();

        assertThat(directory.resolve("committee.json")).exists();
    }

    @Test
    void bothCommandLinesAcceptEnumValuesInAnyCase() {
        assertThat(Main.nodeCommandLine().getSubcommands().get("node").isCaseInsensitiveEnumValuesAllowed()).isTrue();
        assertThat(Main.commandLine().getSubcommands().get("benchmark").isCaseInsensitiveEnumValuesAllowed())
                .isTrue();
    }
}
