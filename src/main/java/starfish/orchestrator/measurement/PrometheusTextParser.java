package starfish.orchestrator.measurement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Parses the Prometheus text format (version 0.0.4): comments, HELP and TYPE lines, samples with escaped label
 * values (\" \\ \n), NaN and ±Inf values, optional timestamps. A malformed line throws naming its line number.
 */
public final class PrometheusTextParser {
    private final Predicate<String> keepMetric;

    /** Keeps every sample. */
    public PrometheusTextParser() {
        this(name -> true);
    }

    /**
     * Keeps only samples (and TYPE lines) whose metric name passes `keepMetric`; other lines are skipped before their
     * labels and values are read, which is most of the work on a page full of JVM metrics.
     */
    public PrometheusTextParser(Predicate<String> keepMetric) {
        this.keepMetric = keepMetric;
    }

    public PrometheusText parse(String text) {
        List<MetricSample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        int lineNumber = 0;
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            int from = skipWhitespace(text, start, end);
            int lineStart = start;
            start = end + 1;
            if (from == end) {
                continue;
            }
            if (text.charAt(from) == '#') {
                readType(text, from, end, types);
                continue;
            }
            // the name decides whether the line is read at all, so skipped lines cost no substring
            if (!keepMetric.test(text.substring(from, nameEnd(text, from, end)))) {
                continue;
            }
            String line = text.substring(lineStart, end).strip();
            try {
                samples.add(new LineReader(line).sample());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("metrics line " + lineNumber + " is not Prometheus text ("
                        + e.getMessage() + "): " + line, e);
            }
        }
        return new PrometheusText(List.copyOf(samples), Collections.unmodifiableMap(types));
    }

    private static int skipWhitespace(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int nameEnd(String text, int from, int end) {
        while (from < end && text.charAt(from) != '{' && !Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    /** `# TYPE <name> <type>`; other comments (HELP lines above all) are passed over without a copy. */
    private void readType(String text, int from, int end, Map<String, String> types) {
        int at = skipWhitespace(text, from + 1, end);
        if (!text.startsWith("TYPE", at) || at + 4 >= end || !Character.isWhitespace(text.charAt(at + 4))) {
            return;
        }
        int nameStart = skipWhitespace(text, at + 4, end);
        int nameEnd = nameStart;
        while (nameEnd < end && !Character.isWhitespace(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(nameStart, nameEnd);
        if (!keepMetric.test(name)) {
            return;
        }
        String type = text.substring(nameEnd, end).strip();
        if (!type.isEmpty()) {
            types.put(name, type);
        }
    }

    static double parseValue(String text) {
        long integer = plainInteger(text);
        if (integer >= 0) {
            return integer;
        }
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /**
     * Counts and bucket bounds are mostly plain integers ("42" or "42.0"): read without Double.parseDouble. -1 when
     * the text is anything else (or too long to be exact).
     */
    private static long plainInteger(String text) {
        int digitsEnd = text.endsWith(".0") ? text.length() - 2 : text.length();
        if (digitsEnd == 0 || digitsEnd > 15) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digitsEnd; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Reads one sample line left to right. */
    private static final class LineReader {
        private final String line;
        private int pos;

        LineReader(String line) {
            this.line = line;
        }

        MetricSample sample() {
            String name = tokenUntil('{');
            if (name.isEmpty()) {
                throw new IllegalArgumentException("missing metric name");
            }
            Map<String, String> labels = peek() == '{' ? labels() : Map.of();
            skipSpaces();
            String value = tokenUntil(' ');
            skipSpaces();
            String timestamp = tokenUntil(' ');
            if (pos < line.length()) {
                throw new IllegalArgumentException("unexpected text after the timestamp");
            }
            return new MetricSample(name, labels, parseValue(value),
                    timestamp.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(timestamp)));
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>(4);
            pos++;
            skipSpaces();
            while (peek() != '}') {
                String name = tokenUntil('=');
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
            if (labels.size() == 1) {
                Map.Entry<String, String> only = labels.entrySet().iterator().next();
                return Map.of(only.getKey(), only.getValue());
            }
            return Collections.unmodifiableMap(labels);
        }

        private String quoted() {
            expect('"');
            int close = line.indexOf('"', pos);
            if (close >= 0 && line.lastIndexOf('\\', close) < pos) {
                String value = line.substring(pos, close);
                pos = close + 1;
                return value;
            }
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

        /** Up to `stop`, whitespace or the end of the line (a plain loop: this runs for every character). */
        private String tokenUntil(char stop) {
            int start = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (c == stop || Character.isWhitespace(c)) {
                    break;
                }
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
