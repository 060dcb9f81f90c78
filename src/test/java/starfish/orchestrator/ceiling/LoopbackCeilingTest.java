package starfish.orchestrator.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import starfish.Main;

class LoopbackCeilingTest {

    @Test
    void deliversTransactionsToEveryNodeOverLoopback() throws InterruptedException {
        LoopbackCeiling.Result result = LoopbackCeiling.measure(3, Duration.ofMillis(500));

        assertThat(result.nodes()).isEqualTo(3);
        assertThat(result.deliveredPerSecond()).isPositive();
    }

    @Test
    void refusesACommitteeOfOne() {
        assertThatThrownBy(() -> LoopbackCeiling.measure(1, Duration.ofSeconds(1)))
                .hasMessageContaining("at least 2 nodes");
    }

    @Test
    void theCommandPrintsTheCeiling() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("ceiling", "--committee", "2", "--duration", "1s");

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("ceiling: [\\d,]+ tx/s delivered to every node \\(n=2, 1 s");
    }
}
