package starfish.orchestrator.settings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The line of each field by its dotted path (`repository.url`), so that errors found during or after parsing
 * point at the line where the field is written rather than where the parser happened to stop.
 */
final class FieldLines {
    private static final String IN_LIST = "[]";

    private final Map<String, Integer> lines;

    private FieldLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Best effort: text that does not parse yields no lines (the real parse reports the syntax error). */
    static FieldLines of(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    path.push("");
                } else if (token == JsonToken.START_ARRAY) {
                    path.push(IN_LIST);
                } else if (token.isStructEnd()) {
                    path.pop();
                } else if (token == JsonToken.FIELD_NAME) {
                    path.pop();
                    path.push(parser.currentName());
                    lines.putIfAbsent(dotted(path), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            return new FieldLines(Map.of());
        }
        return new FieldLines(lines);
    }

    private static String dotted(Deque<String> path) {
        StringBuilder joined = new StringBuilder();
        for (Iterator<String> names = path.descendingIterator(); names.hasNext(); ) {
            String name = names.next();
            joined.append(joined.length() == 0 ? "" : ".").append(name);
        }
        return joined.toString();
    }

    /** The line of `dottedPath` (`faults.type`), if the file has that field. */
    Optional<Integer> lineOf(String dottedPath) {
        return Optional.ofNullable(lines.get(dottedPath));
    }
}
