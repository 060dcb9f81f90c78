package starfish.orchestrator.measurement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntPredicate;

/**
 * Parses the Prometheus text format (version 0.0.4): comments, HELP and TYPE lines, samples with escaped label
 * values (\" \\ \n), NaN and ±Inf values, optional timestamps. A malformed line throws naming its line number.
 */
public final class PrometheusTextParser {

    public PrometheusText parse(String text) {
        List<MetricSample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                readType(line, types);
                continue;
            }
            try {
                samples.add(new LineReader(line).sample());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("metrics line " + (i + 1) + " is not Prometheus text ("
                        + e.getMessage() + "): " + line, e);
            }
        }
        return new PrometheusText(List.copyOf(samples), Collections.unmodifiableMap(types));
    }

    private static void readType(String comment, Map<String, String> types) {
        String[] words = comment.substring(1).strip().split("\\s+", 3);
        if (words.length == 3 && words[0].equals("TYPE")) {
            types.put(words[1], words[2].strip());
        }
    }

    static double parseValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Reads one sample line left to right. */
    private static final class LineReader {
        private final String line;
        private int pos;

        LineReader(String line) {
            this.line = line;
        }

        MetricSample sample() {
            String name = token(c -> c == '{' || Character.isWhitespace(c));
            if (name.isEmpty()) {
                throw new IllegalArgumentException("missing metric name");
            }
            Map<String, String> labels = peek() == '{' ? labels() : Map.of();
            skipSpaces();
            String value = token(Character::isWhitespace);
            skipSpaces();
            String timestamp = token(Character::isWhitespace);
            if (pos < line.length()) {
                throw new IllegalArgumentException("unexpected text after the timestamp");
            }
            return new MetricSample(name, labels, parseValue(value),
                    timestamp.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(timestamp)));
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            pos++;
            skipSpaces();
            while (peek() != '}') {
                String name = token(c -> c == '=' || Character.isWhitespace(c));
                skipSpaces();
                expect('=');
                skipSpaces();
                labels.put(name, quoted());
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at column " + (pos + 1));
                }
            }
            pos++;
            return Collections.unmodifiableMap(labels);
        }

        private String quoted() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    char escaped = next();
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case '\\' -> '\\';
                        case '"' -> '"';
                        default -> throw new IllegalArgumentException("unknown escape \\" + escaped);
                    });
                } else {
                    value.append(c);
                }
            }
        }

        private String token(IntPredicate end) {
            int start = pos;
            while (pos < line.length() && !end.test(line.charAt(pos))) {
                pos++;
            }
            return line.substring(start, pos);
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + pos);
            }
        }

        private char next() {
            if (pos >= line.length()) {
                throw new IllegalArgumentException("line ends too early");
            }
            return line.charAt(pos++);
        }

        private char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }

        private void skipSpaces() {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
        }
    }
}
