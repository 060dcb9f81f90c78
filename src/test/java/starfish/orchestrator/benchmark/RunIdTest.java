package starfish.orchestrator.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdTest {

    @Test
    void runsOfTheSameSecondAndParametersGetDirectoriesOfTheirOwn(@TempDir Path logs) {
        String first = RunId.claim(logs, "mysticeti-4-1000");
        String second = RunId.claim(logs, "mysticeti-4-1000");
        String third = RunId.claim(logs, "mysticeti-4-1000");

        assertThat(first).matches("\\d{8}-\\d{6}-mysticeti-4-1000");
        assertThat(second).isNotEqualTo(first);
        assertThat(third).isNotIn(first, second);
        assertThat(logs.resolve(first)).isDirectory();
        assertThat(logs.resolve(second)).isDirectory();
        assertThat(logs.resolve(third)).isDirectory();
    }

    @Test
    void createsTheLogsRootWhenItIsMissing(@TempDir Path dir) {
        Path logs = dir.resolve("logs");

        String id = RunId.claim(logs, "starfish-10-1000");

        assertThat(Files.isDirectory(logs.resolve(id))).isTrue();
    }
}
