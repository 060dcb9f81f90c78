package starfish.orchestrator.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The line of each top-level field, so that checks made after parsing can still point into the file. */
final class FieldLines {
    private final Map<String, Integer> lines;

    private FieldLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Best effort: text that does not parse yields no lines (the real parse reports the syntax error). */
    static FieldLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (token == JsonToken.FIELD_NAME && depth == 1) {
                    lines.put(parser.currentName(), parser.currentLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            return new FieldLines(Map.of());
        }
        return new FieldLines(lines);
    }

    Optional<Integer> lineOf(String field) {
        return Optional.ofNullable(lines.get(field));
    }
}
