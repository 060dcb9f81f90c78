package starfish.junit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs of every scenario, kept between builds in a directory outside {@code target/} (which {@code mvn clean}
 * wipes): one JSON line per run, one file per {@link ScenarioKey}.
 */
public final class RunHistory {
    /** The default directory, relative to the working directory (the project when Maven runs the scenarios). */
    public static final String DEFAULT_DIRECTORY = "benchmark-history";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public RunHistory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Oldest first; empty when the scenario never ran here. */
    public List<HistoryEntry> entries(ScenarioKey key) {
        Path file = key.file(root);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<HistoryEntry> entries = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    entries.add(parse(file, i + 1, lines.get(i)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run history " + file, e);
        }
    }

    public void append(ScenarioKey key, HistoryEntry entry) {
        Path file = key.file(root);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the run history " + file, e);
        }
    }

    private static HistoryEntry parse(Path file, int line, String text) {
        try {
            return JSON.readValue(text, HistoryEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run history " + file + ", line " + line + ": not a run ("
                    + e.getOriginalMessage() + "); delete the file to reset this scenario's baseline", e);
        }
    }
}
