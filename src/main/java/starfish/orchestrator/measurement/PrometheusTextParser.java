package starfish.orchestrator.measurement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parses the Prometheus text format (version 0.0.4): comments, HELP and TYPE lines, samples with escaped label
 * values (\" \\ \n), NaN and ±Inf values, optional timestamps. A malformed line throws naming its line number.
 *
 * <p>A validator exposes the same series on every scrape, so the part of a line before its value (name and labels)
 * is parsed once per thread and remembered: later pages cost a lookup per line, and their samples share the same
 * name and series strings (whose hashes are computed once). Safe to use from several threads.
 */
public final class PrometheusTextParser {
    /** Enough for every series of hundreds of validators; beyond it (labels that never repeat) it starts again. */
    private static final int MAX_REMEMBERED_SERIES = 100_000;

    private final Predicate<String> keepMetric;
    private final Set<String> seriesWithout;
    /** Per thread, so that parsing needs no lock: a scraper parses several validators' pages at once. */
    private final ThreadLocal<Memory> memory = ThreadLocal.withInitial(Memory::new);

    /** What this thread has read before: sample line prefixes, and TYPE lines (null when not kept). */
    private static final class Memory {
        final TextRegionCache<SeriesPrefix> prefixes = new TextRegionCache<>(MAX_REMEMBERED_SERIES);
        final TextRegionCache<Optional<TypeLine>> typeLines = new TextRegionCache<>(MAX_REMEMBERED_SERIES);
    }

    private record TypeLine(String name, String type) {
    }

    /** A line's name, labels and series key, and whether its metric is kept at all. */
    private record SeriesPrefix(String name, Map<String, String> labels, String series, boolean kept) {
    }

    /** Keeps every sample. */
    public PrometheusTextParser() {
        this(name -> true, Set.of());
    }

    /**
     * Keeps only samples (and TYPE lines) whose metric name passes `keepMetric`; other lines are skipped before their
     * values are read, which is most of the work on a page full of JVM metrics. Series keys leave out the labels in
     * `seriesWithout`, so that a reader can add up samples that differ only in them (MetricSample.labels keeps all).
     */
    public PrometheusTextParser(Predicate<String> keepMetric, Set<String> seriesWithout) {
        this.keepMetric = keepMetric;
        this.seriesWithout = Set.copyOf(seriesWithout);
    }

    public PrometheusText parse(String text) {
        List<MetricSample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        Memory known = memory.get();
        int lineNumber = 0;
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            int from = skipWhitespace(text, start, end);
            start = end + 1;
            if (from == end) {
                continue;
            }
            if (text.charAt(from) == '#') {
                if (isTypeLine(text, from, end)) {
                    typeLine(known.typeLines, text, from, trimEnd(text, from, end))
                            .ifPresent(line -> types.put(line.name(), line.type()));
                }
                continue;
            }
            int lineEnd = trimEnd(text, from, end);
            try {
                int prefixEnd = prefixEnd(text, from, lineEnd);
                SeriesPrefix prefix = prefix(known.prefixes, text, from, prefixEnd);
                if (prefix.kept()) {
                    samples.add(new LineReader(text, from, prefixEnd, lineEnd).sample(prefix));
                }
            } catch (RuntimeException e) {
                String line = text.substring(from, lineEnd);
                throw new IllegalArgumentException("metrics line " + lineNumber + " is not Prometheus text ("
                        + e.getMessage() + "): " + line, e);
            }
        }
        return new PrometheusText(Collections.unmodifiableList(samples), Collections.unmodifiableMap(types));
    }

    private SeriesPrefix prefix(TextRegionCache<SeriesPrefix> known, String text, int from, int to) {
        int hash = TextRegionCache.hash(text, from, to);
        SeriesPrefix prefix = known.get(text, from, to, hash);
        if (prefix == null) {
            String key = text.substring(from, to);
            LineReader reader = new LineReader(key, 0, key.length());
            String name = reader.name();
            prefix = keepMetric.test(name) ? reader.labelsAndSeries(name, seriesWithout)
                    : new SeriesPrefix(name, Map.of(), name, false);
            known.put(key, prefix);
        }
        return prefix;
    }

    /**
     * Where the name and labels end: after the `}` closing the label block (quotes and escapes respected), or after
     * the name when there is none.
     */
    private static int prefixEnd(String text, int from, int end) {
        int at = nameEnd(text, from, end);
        if (at == end || text.charAt(at) != '{') {
            return at;
        }
        boolean quoted = false;
        for (at++; at < end; at++) {
            char c = text.charAt(at);
            if (quoted && c == '\\') {
                at++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '}') {
                return at + 1;
            }
        }
        throw new IllegalArgumentException("the label block is not closed");
    }

    private static int skipWhitespace(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static int nameEnd(String text, int from, int end) {
        while (from < end && text.charAt(from) != '{' && !Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private Optional<TypeLine> typeLine(TextRegionCache<Optional<TypeLine>> known, String text, int from, int to) {
        int hash = TextRegionCache.hash(text, from, to);
        Optional<TypeLine> line = known.get(text, from, to, hash);
        if (line == null) {
            String key = text.substring(from, to);
            line = readType(key);
            known.put(key, line);
        }
        return line;
    }

    /** `# TYPE ...`; other comments (HELP lines above all) are passed over without a copy. */
    private static boolean isTypeLine(String text, int from, int end) {
        int at = skipWhitespace(text, from + 1, end);
        return text.startsWith("TYPE", at) && at + 4 < end && Character.isWhitespace(text.charAt(at + 4));
    }

    /** `# TYPE <name> <type>`: empty when the metric is not kept or the type is missing. */
    private Optional<TypeLine> readType(String line) {
        int end = line.length();
        int at = skipWhitespace(line, 1, end);
        int nameStart = skipWhitespace(line, at + 4, end);
        int nameEnd = nameStart;
        while (nameEnd < end && !Character.isWhitespace(line.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = line.substring(nameStart, nameEnd);
        String type = line.substring(nameEnd).strip();
        return keepMetric.test(name) && !type.isEmpty() ? Optional.of(new TypeLine(name, type)) : Optional.empty();
    }

    static double parseValue(String text) {
        double decimal = plainDecimal(text, 0, text.length());
        if (!Double.isNaN(decimal)) {
            return decimal;
        }
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    /**
     * Counts and bucket bounds are mostly short plain decimals ("42", "0.0075"): with at most 15 digits both the
     * digits and the power of ten are exact doubles, so one division gives the correctly rounded value that
     * Double.parseDouble would. NaN for anything else, which the general path reads.
     */
    private static double plainDecimal(String text, int from, int to) {
        long digits = 0;
        int count = 0;
        int point = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c >= '0' && c <= '9' && ++count <= 15) {
                digits = digits * 10 + (c - '0');
            } else {
                return Double.NaN;
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        int fractionDigits = point < 0 ? 0 : to - point - 1;
        return digits / POWERS_OF_TEN[fractionDigits];
    }

    /**
     * Reads one sample line, `text` from `pos` to `end`, left to right, without copying the line. A label block
     * written without spaces or escapes (as Prometheus clients write it) is its own series key, taken as it stands.
     */
    private static final class LineReader {
        private final String text;
        private final int lineStart;
        private final int end;
        private int pos;
        private boolean canonical = true;

        LineReader(String text, int from, int end) {
            this(text, from, from, end);
        }

        /** Reads from `pos`; columns in messages count from `lineStart`. */
        LineReader(String text, int lineStart, int pos, int end) {
            this.text = text;
            this.lineStart = lineStart;
            this.pos = pos;
            this.end = end;
        }

        String name() {
            String name = tokenUntil('{');
            if (name.isEmpty()) {
                throw new IllegalArgumentException("missing metric name");
            }
            return name;
        }

        /** The rest of a line's prefix, after its name; the series key leaves out the labels in `seriesWithout`. */
        SeriesPrefix labelsAndSeries(String name, Set<String> seriesWithout) {
            if (peek() != '{') {
                expectEnd();
                return new SeriesPrefix(name, Map.of(), name, true);
            }
            Map<String, String> labels = labels();
            expectEnd();
            if (labels.isEmpty()) {
                return new SeriesPrefix(name, labels, name, true);
            }
            if (labels.keySet().stream().anyMatch(seriesWithout::contains)) {
                Map<String, String> kept = new LinkedHashMap<>(labels);
                kept.keySet().removeAll(seriesWithout);
                return new SeriesPrefix(name, labels, MetricSample.seriesKey(name, kept), true);
            }
            String series = canonical ? text.substring(lineStart, pos) : MetricSample.seriesKey(name, labels);
            return new SeriesPrefix(name, labels, series, true);
        }

        /** The value and optional timestamp after `prefix`. */
        MetricSample sample(SeriesPrefix prefix) {
            skipSpaces();
            double value = value();
            skipSpaces();
            String timestamp = tokenUntil(' ');
            expectEnd();
            return new MetricSample(prefix.name(), prefix.labels(), prefix.series(), value,
                    timestamp.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(timestamp)));
        }

        /** Read in place when it is a plain decimal, as most values are. */
        private double value() {
            int start = pos;
            while (pos < end && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("missing value");
            }
            double value = plainDecimal(text, start, pos);
            return Double.isNaN(value) ? parseValue(text.substring(start, pos)) : value;
        }

        private void expectEnd() {
            if (pos < end) {
                throw new IllegalArgumentException("unexpected text at column " + column());
            }
        }

        /** Most series carry one label or none: a map is only built for two or more. */
        private Map<String, String> labels() {
            String firstName = null;
            String firstValue = null;
            Map<String, String> more = null;
            pos++;
            skipSpaces();
            while (peek() != '}') {
                String name = tokenUntil('=');
                skipSpaces();
                expect('=');
                skipSpaces();
                String value = quoted();
                if (firstName == null) {
                    firstName = name;
                    firstValue = value;
                } else {
                    if (more == null) {
                        more = new LinkedHashMap<>(4);
                        more.put(firstName, firstValue);
                    }
                    more.put(name, value);
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                    canonical &= peek() != '}';
                } else if (peek() != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at column " + column());
                }
            }
            pos++;
            if (more != null) {
                return Collections.unmodifiableMap(more);
            }
            return firstName == null ? Map.of() : Map.of(firstName, firstValue);
        }

        private String quoted() {
            expect('"');
            int close = text.indexOf('"', pos);
            if (close >= 0 && close < end && noEscapeBefore(close)) {
                String value = text.substring(pos, close);
                pos = close + 1;
                return value;
            }
            canonical = false;
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

        private boolean noEscapeBefore(int close) {
            for (int i = pos; i < close; i++) {
                if (text.charAt(i) == '\\') {
                    return false;
                }
            }
            return true;
        }

        /** Up to `stop`, whitespace or the end of the line (a plain loop: this runs for every character). */
        private String tokenUntil(char stop) {
            int start = pos;
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == stop || Character.isWhitespace(c)) {
                    break;
                }
                pos++;
            }
            return text.substring(start, pos);
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at column " + (column() - 1));
            }
        }

        private char next() {
            if (pos >= end) {
                throw new IllegalArgumentException("line ends too early");
            }
            return text.charAt(pos++);
        }

        private char peek() {
            return pos < end ? text.charAt(pos) : '\0';
        }

        private int column() {
            return pos - lineStart + 1;
        }

        private void skipSpaces() {
            int from = pos;
            while (pos < end && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            canonical &= pos == from;
        }
    }
}
