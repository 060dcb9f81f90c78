package starfish.orchestrator.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
 * is parsed once per thread and remembered: later pages cost a lookup per line, and their samples share one
 * MetricSample.Series (whose strings' hashes are computed once). Safe to use from several threads.
 */
public final class PrometheusTextParser implements MetricsPageParser {
    /** Enough for every series of hundreds of validators; beyond it (labels that never repeat) it starts again. */
    private static final int MAX_REMEMBERED_SERIES = 100_000;
    /** Stands for the sample of a line whose metric is not kept. */
    private static final MetricSample DROPPED = new MetricSample(
            new MetricSample.Series("", Map.of(), "", Double.NaN), Double.NaN, OptionalLong.empty());

    private final Predicate<String> keepMetric;
    private final Set<String> seriesWithout;
    /** Per thread, so that parsing needs no lock: a scraper parses several validators' pages at once. */
    private final ThreadLocal<Memory> memory = ThreadLocal.withInitial(Memory::new);

    /** What this thread has read before: sample line prefixes, and TYPE lines (null when not kept). */
    private static final class Memory {
        final TextRegionCache<SeriesPrefix> prefixes = new TextRegionCache<>(MAX_REMEMBERED_SERIES);
        final TextRegionCache<Optional<TypeLine>> typeLines = new TextRegionCache<>(MAX_REMEMBERED_SERIES);
        /**
         * One String per metric name, shared by all its series: a reader comparing each sample's name with the one
         * before (a family's 289 bucket lines in a row) then finds them identical without reading them.
         */
        private final Map<String, String> names = new HashMap<>();

        /** The String kept for `name` (bounded as the series are: names that never repeat start it again). */
        String shared(String name) {
            if (names.size() >= MAX_REMEMBERED_SERIES) {
                names.clear();
            }
            return names.computeIfAbsent(name, n -> n);
        }
        /** Pages of a run carry about as many samples each: sized so, the list is not regrown line by line. */
        int lastSampleCount = 16;
    }

    private record TypeLine(String name, String type) {
    }

    /** A line's series, and whether its metric is kept at all. */
    private record SeriesPrefix(MetricSample.Series series, boolean kept) {
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
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The page as UTF-8 bytes, as it arrives over HTTP: lines are found, looked up and their values read on the
     * bytes; only a line prefix seen for the first time is decoded.
     */
    @Override
    public PrometheusText parse(byte[] page) {
        Memory known = memory.get();
        List<MetricSample> samples = new ArrayList<>(known.lastSampleCount + 1);
        Map<String, String> types = new LinkedHashMap<>();
        int lineNumber = 0;
        for (int start = 0; start < page.length; ) {
            int end = Utf8Page.lineEnd(page, start);
            lineNumber++;
            int from = Utf8Page.skipSpaces(page, start, end);
            start = end + 1;
            if (from == end) {
                continue;
            }
            int lineEnd = Utf8Page.trimEnd(page, from, end);
            if (page[from] == '#') {
                if (Utf8Page.isTypeLine(page, from, lineEnd)) {
                    typeLine(known.typeLines, page, from, lineEnd)
                            .ifPresent(line -> types.put(line.name(), line.type()));
                }
                continue;
            }
            try {
                MetricSample sample = knownSample(known.prefixes, page, from, lineEnd);
                if (sample == null) {
                    sample = newSample(known.prefixes, page, from, lineEnd);
                }
                if (sample != DROPPED) {
                    samples.add(sample);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("metrics line " + lineNumber + " is not Prometheus text ("
                        + e.getMessage() + "): " + Utf8Page.text(page, from, lineEnd), e);
            }
        }
        known.lastSampleCount = samples.size();
        return new PrometheusText(Collections.unmodifiableList(samples), Collections.unmodifiableMap(types));
    }

    /**
     * The sample of a line whose name and labels were seen before, found from the line's end: a value and an
     * optional timestamp hold no space, so the prefix ends before the last token or the one before it. A remembered
     * prefix is a whole name and label block, so a match is the split the full reading would make, without scanning
     * the prefix for the end of its label block. Null when neither candidate is remembered.
     */
    private static MetricSample knownSample(TextRegionCache<SeriesPrefix> known, byte[] page, int from, int end) {
        int lastStart = Utf8Page.tokenStart(page, from, end);
        int beforeLast = Utf8Page.trimEnd(page, from, lastStart);
        SeriesPrefix prefix = remembered(known, page, from, beforeLast);
        if (prefix != null) {
            return sample(prefix, page, lastStart, end, end, end);
        }
        int valueStart = Utf8Page.tokenStart(page, from, beforeLast);
        int beforeValue = Utf8Page.trimEnd(page, from, valueStart);
        prefix = remembered(known, page, from, beforeValue);
        return prefix == null ? null : sample(prefix, page, valueStart, beforeLast, lastStart, end);
    }

    private static SeriesPrefix remembered(TextRegionCache<SeriesPrefix> known, byte[] page, int from, int to) {
        return to == from ? null : known.get(page, from, to, TextRegionCache.hash(page, from, to));
    }

    /** A line read from its start, its prefix parsed and remembered. */
    private MetricSample newSample(TextRegionCache<SeriesPrefix> known, byte[] page, int from, int end) {
        int prefixEnd = Utf8Page.prefixEnd(page, from, end);
        String key = Utf8Page.text(page, from, prefixEnd);
        LineReader reader = new LineReader(key);
        String name = memory.get().shared(reader.name());
        SeriesPrefix prefix = keepMetric.test(name) ? reader.labelsAndSeries(name, seriesWithout)
                : new SeriesPrefix(series(name, Map.of(), name), false);
        known.put(Arrays.copyOfRange(page, from, prefixEnd), TextRegionCache.hash(page, from, prefixEnd), prefix);
        if (!prefix.kept()) {
            return DROPPED;
        }
        int valueStart = Utf8Page.skipSpaces(page, prefixEnd, end);
        int valueEnd = Utf8Page.tokenEnd(page, valueStart, end);
        if (valueStart == valueEnd) {
            throw new IllegalArgumentException("missing value");
        }
        int timestampStart = Utf8Page.skipSpaces(page, valueEnd, end);
        int timestampEnd = Utf8Page.tokenEnd(page, timestampStart, end);
        if (timestampEnd < end) {
            throw new IllegalArgumentException("unexpected text at column " + (timestampEnd - from + 1));
        }
        return sample(prefix, page, valueStart, valueEnd, timestampStart, timestampEnd);
    }

    /** The sample of `prefix` with its value and (possibly empty) timestamp; DROPPED when its metric is not kept. */
    private static MetricSample sample(SeriesPrefix prefix, byte[] page, int valueStart, int valueEnd,
                                       int timestampStart, int timestampEnd) {
        if (!prefix.kept()) {
            return DROPPED;
        }
        double value = Utf8Page.plainDecimal(page, valueStart, valueEnd);
        if (Double.isNaN(value)) {
            value = parseValue(Utf8Page.text(page, valueStart, valueEnd));
        }
        OptionalLong timestamp = timestampStart == timestampEnd ? OptionalLong.empty()
                : OptionalLong.of(Long.parseLong(Utf8Page.text(page, timestampStart, timestampEnd)));
        return new MetricSample(prefix.series(), value, timestamp);
    }

    private static int skipWhitespace(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private Optional<TypeLine> typeLine(TextRegionCache<Optional<TypeLine>> known, byte[] page, int from, int to) {
        int hash = TextRegionCache.hash(page, from, to);
        Optional<TypeLine> line = known.get(page, from, to, hash);
        if (line == null) {
            line = readType(Utf8Page.text(page, from, to));
            known.put(Arrays.copyOfRange(page, from, to), hash, line);
        }
        return line;
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

    private static MetricSample.Series series(String name, Map<String, String> labels, String key) {
        return new MetricSample.Series(name, labels, key, upperBound(labels.get("le")));
    }

    /** NaN without an `le` label or with one that is no number: only histogram buckets give it a meaning. */
    private static double upperBound(String le) {
        try {
            return le == null ? Double.NaN : parseValue(le);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double parseValue(String text) {
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        double decimal = Utf8Page.plainDecimal(latin1, 0, latin1.length);
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

    /**
     * Reads a line's prefix (name and labels) left to right. A label block written without spaces or escapes (as
     * Prometheus clients write it) makes the prefix its own series key, taken as it stands.
     */
    private static final class LineReader {
        private final String text;
        private final int end;
        private int pos;
        private boolean canonical = true;

        LineReader(String prefix) {
            this.text = prefix;
            this.end = prefix.length();
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
                return new SeriesPrefix(series(name, Map.of(), name), true);
            }
            Map<String, String> labels = labels();
            expectEnd();
            if (labels.isEmpty()) {
                return new SeriesPrefix(series(name, labels, name), true);
            }
            if (labels.keySet().stream().anyMatch(seriesWithout::contains)) {
                Map<String, String> kept = new LinkedHashMap<>(labels);
                kept.keySet().removeAll(seriesWithout);
                return new SeriesPrefix(series(name, labels, MetricSample.seriesKey(name, kept)), true);
            }
            String key = canonical ? text : MetricSample.seriesKey(name, labels);
            return new SeriesPrefix(series(name, labels, key), true);
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
            return pos + 1;
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
