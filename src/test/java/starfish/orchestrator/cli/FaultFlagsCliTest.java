package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import starfish.Main;

/** The benchmark command's Byzantine limit and fault flags are checked before any testbed is touched. */
class FaultFlagsCliTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int benchmark(String... args) throws Exception {
        Path settings = Files.writeString(dir.resolve("s.yml"), "working_dir: " + dir.resolve("hosts") + "\n");
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "benchmark";
        all[1] = "--settings-path";
        all[2] = settings.toString();
        all[3] = "--duration=1s";
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    @Test
    void moreByzantineNodesThanFAreRefusedWithTheWayOut() throws Exception {
        int exit = benchmark("--committee", "7", "--byzantine-nodes", "3", "--byzantine-strategy", "chain-bomb");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("3 Byzantine nodes exceed what a committee of 7 tolerates (f = 2)")
                .contains("--allow-unsafe-byzantine");
        assertThat(dir.resolve("hosts")).doesNotExist();
    }

    @Test
    void crashRecoveryWithoutAFaultCountIsRefused() throws Exception {
        assertThat(benchmark("--crash-recovery")).isEqualTo(1);
        assertThat(err.toString()).contains("--crash-recovery needs --faults K");
        assertThat(dir.resolve("hosts")).doesNotExist();
    }
}
