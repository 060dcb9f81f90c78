package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import starfish.Main;

class BenchmarkSearchOptionTest {

    @Test
    void aSearchWithSeveralStartLoadsIsAUsageErrorBeforeAnyTestbedExists() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("benchmark", "--search", "--loads", "1000,2000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--search starts from one load: give a single --loads value, was [1000, 2000]");
    }
}
