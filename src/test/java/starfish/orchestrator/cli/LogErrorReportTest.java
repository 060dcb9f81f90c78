package starfish.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import starfish.orchestrator.benchmark.LogErrorCounts;

class LogErrorReportTest {

    @Test
    void namesTheValidatorsWithErrorsAndTheirLogFiles() {
        Path log = Path.of("/tmp/logs/run/node-2.log");
        String report = LogErrorReport.render(List.of(new LogErrorCounts(0, Path.of("/tmp/logs/run/node-0.log"), 0, 0),
                new LogErrorCounts(2, log, 3, 1)));

        assertThat(report).contains("validator 2: 3 ERROR lines, 1 exception lines in " + log)
                .doesNotContain("validator 0").doesNotContain("node-0.log");
    }

    @Test
    void aCleanRunSaysSoAndUnprocessedLogsSayNothing() {
        assertThat(LogErrorReport.render(List.of(new LogErrorCounts(0, Path.of("node-0.log"), 0, 0))))
                .contains("no ERROR lines or exceptions in 1 validator logs");
        assertThat(LogErrorReport.render(List.of())).isEmpty();
    }
}
