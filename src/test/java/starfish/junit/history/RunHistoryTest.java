package starfish.junit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private static final ScenarioKey KEY = new ScenarioKey("LoadSweepBenchmark.mysticeti",
            "mysticeti-4-1000-honest-0-nogeo-20s", "local-2cpu-amd64");

    @TempDir
    Path root;

    @Test
    void keepsEachScenariosRunsInAFileOfItsOwnOldestFirst() {
        RunHistory history = new RunHistory(root);
        ScenarioKey otherMachine = new ScenarioKey(KEY.scenario(), KEY.parameters(), "aws-m5d.8xlarge");

        history.append(KEY, new HistoryEntry("2026-12-06T23:00:00Z", "a1", 1_000, 62, 99, true));
        history.append(KEY, new HistoryEntry("2026-12-06T23:05:00Z", "b2", 990, 64, 120, false));
        history.append(otherMachine, new HistoryEntry("2026-12-06T23:06:00Z", "b2", 5_000, 300, 900, true));

        assertThat(history.entries(KEY)).extracting(HistoryEntry::commit).containsExactly("a1", "b2");
        assertThat(history.entries(otherMachine)).hasSize(1);
        assertThat(root.resolve("LoadSweepBenchmark.mysticeti")
                .resolve("mysticeti-4-1000-honest-0-nogeo-20s@local-2cpu-amd64.jsonl")).isRegularFile();
    }

    @Test
    void aScenarioThatNeverRanHasNoHistory() {
        assertThat(new RunHistory(root).entries(KEY)).isEmpty();
    }

    @Test
    void namesTheFileAndLineOfARunItCannotRead() throws IOException {
        RunHistory history = new RunHistory(root);
        history.append(KEY, new HistoryEntry("2026-12-06T23:00:00Z", "a1", 1_000, 62, 99, true));
        Path file = root.resolve("LoadSweepBenchmark.mysticeti")
                .resolve("mysticeti-4-1000-honest-0-nogeo-20s@local-2cpu-amd64.jsonl");
        Files.writeString(file, Files.readString(file) + "{\"tps\": \"fast\"}\n");

        assertThatThrownBy(() -> history.entries(KEY)).hasMessageContaining(file.toString())
                .hasMessageContaining("line 2").hasMessageContaining("delete the file to reset");
    }
}
